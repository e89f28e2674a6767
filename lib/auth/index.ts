import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db } from '@/db';
import type { UserRole } from '@/db/schema';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { signInSchema } from '@/lib/users/sign-up-schema';
import { clientIp } from './client-ip';
import { safeCallbackUrl } from './safe-callback-url';
import { logUnexpectedError } from '@/lib/server/log-error';
import { verifyCredentials } from './verify-credentials';

declare module 'next-auth' {
  interface User {
    role?: UserRole;
  }
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession['user'];
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    role?: UserRole;
  }
}

/** Auth.js reports these codes to the sign-in action, which maps them to messages. */
class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}
class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
}

// Lazy so that `next build` can import this module without production secrets.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  // Self-hosted behind our own origin (APP_URL); on Vercel the host is trusted anyway.
  trustHost: true,
  session: { strategy: 'jwt' },
  // The app's own sign-in page shows Auth.js's errors too; its built-in error page answers 500.
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A refused sign-in is expected traffic, already counted in login_attempts; Auth.js
    // would otherwise print a stack trace for each one.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logUnexpectedError('auth', error);
    },
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const user = await verifyCredentials({
            db: db(),
            identifier: parsed.data.identifier,
            password: parsed.data.password,
            ip: clientIp(request.headers, env().TRUSTED_PROXY),
            now: now(),
          });
          return { id: String(user.id), name: user.name, role: user.role };
        } catch (error) {
          if (isAppError(error) && error.code === 'RATE_LIMITED') throw new RateLimited();
          if (isAppError(error) && error.code === 'INVALID_CREDENTIALS') throw new InvalidCredentials();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    // Sign-in and sign-out redirects go through the same check as the sign-in form's
    // callbackUrl, on APP_URL (the error redirects that skip this callback are kept on it by
    // the auth route). Development uses the origin the request came to instead: 127.0.0.1
    // is not localhost to the session cookie. (That origin comes from Host/X-Forwarded-Host,
    // which production must not trust.)
    redirect({ url, baseUrl }) {
      const config = env();
      const origin = config.NODE_ENV === 'development' ? baseUrl : config.APP_URL;
      return new URL(safeCallbackUrl(url, origin), origin).href;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user.id = token.uid;
        session.user.role = token.role;
      }
      return session;
    },
  },
}));
