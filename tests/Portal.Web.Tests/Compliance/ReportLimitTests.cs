using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Compliance;

/// <summary>
/// Big reports are built a few at a time per node (here one, with no queue): a second manager
/// asking while one matrix is still being sent is told to come back, and is served once it is done.
/// </summary>
public sealed class ReportLimitTests(ReportLimitTests.Factory app) : IClassFixture<ReportLimitTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:ConcurrentReports"] = "1",
            ["RateLimiting:QueuedReports"] = "0",
        };
    }

    [Fact]
    public async Task WhileOneMatrixIsBeingSentAnotherWaitsForItsTurn()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
            var created = await organisations.CreateAsync($"Busy Care {Guid.NewGuid():N}"[..30], OrganisationType.CareProvider, null, "LS6 1AA");
            Assert.Null(created.Problem);
            var organisation = created.Value!;
            await app.CreateUserAsync("first.manager@example.com", SignIn.Password);
            await app.CreateUserAsync("second.manager@example.com", SignIn.Password);
            Assert.True((await organisations.AddMemberAsync(organisation.Id, "first.manager@example.com", MembershipRole.Manager)).IsDone);
            Assert.True((await organisations.AddMemberAsync(organisation.Id, "second.manager@example.com", MembershipRole.Manager)).IsDone);
            // Enough staff that the page is far bigger than what the server can write before the
            // reader takes some: the first request then holds its turn until its body is read.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            for (var i = 0; i < 150; i++)
            {
                var user = new PortalUser { Id = Guid.NewGuid().ToString(), UserName = $"busy{i}@example.com", Email = $"busy{i}@example.com", DisplayName = $"Busy Worker {i}", CreatedUtc = DateTime.UtcNow };
                db.Users.Add(user);
                db.Add(Membership.Start(organisation.Id, user.Id, MembershipRole.Staff, DateTime.UtcNow.AddDays(-30), "care-worker"));
            }
            await db.SaveChangesAsync();
        }
        var first = app.CreateBrowser();
        var second = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(first, "first.manager@example.com");
        await app.SignInWithTwoFactorAsync(second, "second.manager@example.com");

        using var sending = await first.GetAsync("/manage/matrix", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, sending.StatusCode);

        using var refused = await second.GetAsync("/manage/matrix?handler=Csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("The training matrix is busy", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await sending.Content.ReadAsStringAsync();
        Assert.Contains("Busy Worker 149", page, StringComparison.Ordinal);
        using var served = await second.GetAsync("/manage/matrix?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("Busy Worker 149", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Other pages are never held up by reports.
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/manage")).StatusCode);
    }
}
