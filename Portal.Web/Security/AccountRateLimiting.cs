using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Security;

/// <summary>Section "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    /// <summary>Sign-in, registration and recovery form posts allowed per client address per minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int AccountPostsPerMinute { get; set; } = 10;
}

/// <summary>
/// Slows password guessing and sign-up floods: form posts to the account pages are limited per
/// client address. Lockout protects each account; this protects the site from one address.
/// </summary>
internal static class AccountRateLimiting
{
    // Identity's pages by view path, matched on the routed endpoint: the raw URL has variants
    // (case, a trailing slash) that all reach the same page.
    private static readonly HashSet<string> LimitedPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register",
        "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ResendEmailConfirmation",
    };

    public static IServiceCollection AddAccountRateLimiting(this IServiceCollection services, IConfiguration configuration)
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
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLimited(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = settings.AccountPostsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static bool IsLimited(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is { AreaName: "Identity" } page
        && LimitedPages.Contains(page.ViewEnginePath);
}
