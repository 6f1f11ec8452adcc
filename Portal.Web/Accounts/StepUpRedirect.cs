using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Portal.Web.Accounts;

/// <summary>
/// A signed-in person refused only because this session lacks its second factor is sent to give
/// it (the step-up page), and comes back to where they were going; any other refusal is the plain
/// 403 or sign-in prompt as before.
/// </summary>
internal sealed class StepUpRedirect(LinkGenerator links) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure is { FailCalled: false } failure
            && failure.FailedRequirements.Any()
            && failure.FailedRequirements.All(r => r is SessionTwoFactorRequirement))
        {
            var returnUrl = $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
            context.Response.Redirect(links.GetPathByPage(context, "/Account/StepUp", values: new { area = "Identity", returnUrl })
                ?? throw new InvalidOperationException("The step-up page has no route."));
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
