import type { ApiRoute } from '../route-definition.js';
import { upstreamPath } from '../route-definition.js';
import { authResult, logInBody, registerBody, user } from '../auth-schemas.js';

export const identityRoutes: ApiRoute[] = [
  {
    method: 'post', path: '/api/v1/auth/register', tag: 'auth', access: 'public', limit: 'auth', summary: 'Create an account and get an access token',
    body: registerBody, success: { status: 201, description: 'The new account', schema: authResult }, errors: ['EMAIL_TAKEN'],
    upstream: { appId: 'users', path: upstreamPath('auth/register') },
  },
  {
    method: 'post', path: '/api/v1/auth/login', tag: 'auth', access: 'public', limit: 'auth', summary: 'Exchange email and password for an access token',
    body: logInBody, success: { status: 200, description: 'The account and a fresh token', schema: authResult }, errors: ['INVALID_CREDENTIALS'],
    upstream: { appId: 'users', path: upstreamPath('auth/login') },
  },
  {
    method: 'get', path: '/api/v1/me', tag: 'auth', access: 'user', summary: "The caller's account",
    success: { status: 200, description: 'The account', schema: user },
    upstream: { appId: 'users', path: upstreamPath('users/me') },
  },
];
