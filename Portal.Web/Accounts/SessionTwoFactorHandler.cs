using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Accounts;

/// <remarks>
/// Reads the session's own claims, never the account: turning two-factor on in a session that
/// signed in with a password alone must not count as having used it. No database lookup either,
/// which matters because the layout asks on every page.
/// </remarks>
internal sealed class SessionTwoFactorHandler(IHostEnvironment environment, IOptions<AccountsOptions> options)
    : AuthorizationHandler<SessionTwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SessionTwoFactorRequirement requirement)
    {
        if (!context.User.IsInRole(PortalRoles.Admin) || context.User.SignedInWithTwoFactors() || IsExemptDemoAdmin(context.User))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private bool IsExemptDemoAdmin(ClaimsPrincipal user) =>
        environment.IsDevelopment()
        && options.Value.DemoAdminWithoutTwoFactor
        && string.Equals(user.FindFirstValue(ClaimTypes.Email), DemoAccounts.AdminEmail, StringComparison.OrdinalIgnoreCase);
}
