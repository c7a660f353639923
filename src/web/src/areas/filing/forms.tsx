/** The filing screens' form blocks: the shared ones (src/web/src/shared/forms.tsx). */
export { LocalDateInput, ModalForm, useModals } from '../../shared/forms';
