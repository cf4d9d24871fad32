// EIT part-1 verification endpoints (the public respondent API: no session, no CSRF token, rate-limited)
// and NACC's SMS usage view (the staff API).
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, handleError } from '../../app/errors.ts';
import { OtpDeliveryFailed } from './otp.errors.ts';
import {
  ZAgencyParams,
  ZOtpGrant,
  ZOtpRequestBody,
  ZOtpResendBody,
  ZOtpSent,
  ZOtpVerifyBody,
  ZSmsUsage,
  ZUsageQuery,
} from './otp.schema.ts';
import { requestOtp, resendOtpCode, verifyOtp } from './otp.service.ts';
import { smsUsage } from './otp.usage.ts';

/**
 * Per client address (in the shared rate-limit store): a flood guard before any other work. The limits
 * that matter (per number, per address, per agency: otp.limits.ts) are counted in the database and are
 * stricter per hour.
 */
export const OTP_REQUEST_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
export const OTP_VERIFY_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

const tags = ['respond'];

export const otpRespondentRoutes: FastifyPluginAsyncZod = async (app) => {
  // A gateway or mail server that did not take the message is the server's trouble, not the request's.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof OtpDeliveryFailed) {
      req.log.warn({ reason: err.reason }, 'one-time code not delivered');
      return reply.status(503).send(errorBody(err.code, err.th, err.en, err.details));
    }
    return handleError(err, req, reply);
  });

  app.post(
    '/respond/:agencyId/EIT1/otp',
    {
      config: { rateLimit: OTP_REQUEST_RATE_LIMIT },
      schema: {
        tags,
        summary: 'EIT part 1: send a one-time code by SMS or e-mail',
        params: ZAgencyParams,
        body: ZOtpRequestBody,
        response: { 200: ZOtpSent },
      },
    },
    async (req) => requestOtp(app.deps, req.params.agencyId, req.body, { ip: req.ip }),
  );

  app.post(
    '/respond/:agencyId/EIT1/otp/resend',
    {
      config: { rateLimit: OTP_REQUEST_RATE_LIMIT },
      schema: {
        tags,
        summary: 'EIT part 1: send a new code for the same verification (after the cool-down)',
        params: ZAgencyParams,
        body: ZOtpResendBody,
        response: { 200: ZOtpSent },
      },
    },
    async (req) => resendOtpCode(app.deps, req.params.agencyId, req.body.challengeId),
  );

  app.post(
    '/respond/:agencyId/EIT1/otp/verify',
    {
      config: { rateLimit: OTP_VERIFY_RATE_LIMIT },
      schema: {
        tags,
        summary: 'EIT part 1: check the code; returns a grant to submit one response',
        params: ZAgencyParams,
        body: ZOtpVerifyBody,
        response: { 200: ZOtpGrant },
      },
    },
    async (req) => {
      const { grant, expiresAt } = await verifyOtp(app.deps, req.params.agencyId, req.body);
      return { grant, expiresAt: expiresAt.toISOString() };
    },
  );
};

export const otpUsageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/otp/usage',
    {
      schema: {
        tags: ['otp'],
        summary: 'SMS codes sent per agency on a day, against the daily cap (NACC admins)',
        querystring: ZUsageQuery,
        response: { 200: ZSmsUsage },
      },
    },
    async (req) => smsUsage(app.deps, req.actor, req.query.day),
  );
};
