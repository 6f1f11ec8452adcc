using Microsoft.AspNetCore.Authorization;

namespace Portal.Web.Accounts;

/// <remarks>
/// Reads the session's own claims, never the account: turning two-factor on in a session that
/// signed in with a password alone must not count as having used it. No database lookup either,
/// which matters because authorization runs on every page.
/// </remarks>
internal sealed class SessionTwoFactorHandler : AuthorizationHandler<SessionTwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SessionTwoFactorRequirement requirement)
    {
        if (context.User.SignedInWithTwoFactors())
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
