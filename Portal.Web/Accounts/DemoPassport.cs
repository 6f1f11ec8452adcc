using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Passport;

namespace Portal.Web.Accounts;

/// <summary>
/// The demo learner's passport, issued up front so /passport, /verify and the manager's revocation
/// page have something in them: a credential for each module Lee has passed (current and expired)
/// and for the blood glucose sign-off. Issuing is idempotent, so a restart adds nothing twice.
/// </summary>
internal static class DemoPassport
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var learner = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(DemoAccounts.LearnerEmail);
        if (learner is null)
            return;
        await scope.ServiceProvider.GetRequiredService<PassportService>()
            .IssueDueAsync(learner.Id, scope.ServiceProvider.GetRequiredService<ContentStore>().Current);
    }
}
