export * from './types';
export { ApiError, isApiError, parseErrorResponse } from './errors';
export { request } from './client';
export { authApi, adminApi } from './identity';
