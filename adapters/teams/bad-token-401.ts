import { StatusCodes, type CloudAdapter } from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';

// jsonwebtoken's own failures, which botbuilder lets through as they are (and so answers 500).
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder answers 401 to most bad tokens, but 500 to a forged signature or a token not yet valid:
 * those are refusals too, so they are answered 401 like the rest. Failing to fetch Microsoft's keys
 * stays a 500 (it is our side that failed).
 */
export function answerBadTokensWith401(adapter: CloudAdapter): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticate(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
      throw error;
    }
  };
}
