using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.Security;

/// <summary>
/// Slows password guessing and sign-up floods: form posts to the account pages are limited per
/// client address. Lockout protects each account; this protects the site from one address.
/// And holds big reports (a training matrix of hundreds of staff, about 25 MB of working memory
/// each while it is built) to a few at a time per node, so a busy morning of managers queues
/// instead of pushing the process past its memory budget.
/// </summary>
internal static class PortalRateLimiting
{
    /// <summary>The policy for report pages: <c>[EnableRateLimiting(PortalRateLimiting.Reports)]</c>.</summary>
    public const string Reports = "reports";

    // Identity's pages by view path, matched on the routed endpoint: the raw URL has variants
    // (case, a trailing slash) that all reach the same page.
    private static readonly HashSet<string> LimitedPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register",
        "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ResendEmailConfirmation", "/Account/StepUp",
    };

    // Pages behind a session that ask for the current password: limited per person as well, since
    // whoever holds a stolen session could otherwise guess from many addresses.
    private static readonly HashSet<string> PasswordCheckPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Manage/ChangePassword", "/Account/Manage/DeletePersonalData",
    };

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimiting").Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            var perMinute = new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.AccountPostsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            };
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsLimited(context, LimitedPages) || IsLimited(context, PasswordCheckPages)
                        ? RateLimitPartition.GetFixedWindowLimiter("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => perMinute)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsLimited(context, PasswordCheckPages) && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } person
                        ? RateLimitPartition.GetFixedWindowLimiter("person:" + person, _ => perMinute)
                        : RateLimitPartition.GetNoLimiter("")));
            options.AddConcurrencyLimiter(Reports, limiter =>
            {
                limiter.PermitLimit = settings.ConcurrentReports;
                limiter.QueueLimit = settings.QueuedReports;
                limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });
    }

    private static bool IsLimited(HttpContext context, HashSet<string> pages) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is { AreaName: "Identity" } page
        && pages.Contains(page.ViewEnginePath);
}
