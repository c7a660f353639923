import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import './shared/dates';
import { createApolloClient } from './apollo';
import { SessionProvider } from './session';
import { App } from './App';

const client = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <ApolloProvider client={client}>
          <BrowserRouter>
            <SessionProvider>
              <App />
            </SessionProvider>
          </BrowserRouter>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
