using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.Security;

/// <summary>Section "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    /// <summary>Sign-in, registration and recovery form posts allowed per client address per minute.</summary>
    public int AccountPostsPerMinute { get; set; } = 10;
}

/// <summary>
/// Slows password guessing and sign-up floods: form posts to the account pages are limited per
/// client address. Lockout protects each account; this protects the site from one address.
/// </summary>
internal static class AccountRateLimiting
{
    private static readonly string[] LimitedPages =
    [
        "/Identity/Account/Login", "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode",
        "/Identity/Account/Register", "/Identity/Account/ForgotPassword", "/Identity/Account/ResetPassword",
        "/Identity/Account/ResendEmailConfirmation",
    ];

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
                IsLimited(context.Request)
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

    private static bool IsLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && LimitedPages.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
