import { AuditEvent } from '../audit/audit-event.entity';
import { Department } from '../identity/department.entity';
import { LoginThrottle } from '../identity/login-throttle.entity';
import { User } from '../identity/user.entity';

/** Every entity of the application, listed explicitly (no folder scanning: same in ts and js). */
export const ENTITIES = [Department, User, LoginThrottle, AuditEvent];
