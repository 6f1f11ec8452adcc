using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Organisations;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Insight;

/// <summary>What the insight page tests do the same way: an employer's manager signed in, and the rollup run as the hourly job runs it.</summary>
internal static class InsightSteps
{
    /// <summary>A new manager of the organisation (as an admin adds one), signed in with their second factor.</summary>
    public static async Task<HttpClient> AsManagerOfAsync(this PortalWebFactory app, Guid organisation)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"manager.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<OrganisationService>().AddMemberAsync(organisation, email, MembershipRole.Manager)).IsDone);
        var browser = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(browser, email);
        return browser;
    }

    public static async Task RollupAsync(this PortalWebFactory app, bool full)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InsightRollupJob>().RunAsync(full, CancellationToken.None);
    }
}
