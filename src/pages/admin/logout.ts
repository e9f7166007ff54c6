import type { APIRoute } from 'astro';
import { handleLogout } from '@/server/admin/admin-login';

export const prerender = false;

/** Ends the session (POST only, so a link or image cannot log a moderator out). */
export const POST: APIRoute = ({ cookies }) => handleLogout(cookies);
