using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Domain.Talent;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>Job alerts: one digest per due window, of jobs first published in it, never twice.</summary>
public abstract partial class TalentServiceTests<TDatabase>
{
    private async Task<(string User, string Email)> AlertOwnerAsync(string query, AlertFrequency frequency = AlertFrequency.Daily)
    {
        var user = await NewUserAsync();
        await using var scope = Services();
        Assert.True((await scope.Get<AlertService>().SaveAsync(user, "Night jobs near LS6", query, frequency)).IsDone);
        return (user, await EmailOfAsync(user));
    }

    private async Task<List<OutboxMessage>> MailToAsync(string email)
    {
        await using var db = Database.CreateContext();
        return await db.OutboxMessages.Where(m => m.To == email).ToListAsync();
    }

    private async Task<BatchJobSummary> RunAlertsAsync(Action<JobAlertJob>? configure = null)
    {
        await using var scope = Services();
        var job = scope.Get<JobAlertJob>();
        configure?.Invoke(job);
        return await job.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ADueAlertEmailsOneDigestOfWhatIsNewAndARerunSendsNothing()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Alert Care {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..10];
        var old = await PublishedAsync(org, recruiter, Details($"Old night job {tag}", "LS6"));
        Time.Advance(TimeSpan.FromHours(1));
        var (_, email) = await AlertOwnerAsync($"Search.Keyword={tag}&Search.Miles=5&Search.Postcode=LS6");
        Time.Advance(TimeSpan.FromHours(1));
        var near = await PublishedAsync(org, recruiter, Details($"Headingley night carer {tag}", "LS6"));
        await PublishedAsync(org, recruiter, Details($"Wetherby night carer {tag}", "LS22"));
        await PublishedAsync(org, recruiter, Details("Unrelated day job", "LS6"));

        // Not yet a day since the alert was saved: nothing.
        await RunAlertsAsync();
        Assert.Empty(await MailToAsync(email));

        Time.Advance(TimeSpan.FromDays(1));
        await RunAlertsAsync();
        await RunAlertsAsync();
        var digest = Assert.Single(await MailToAsync(email));
        Assert.Equal("A new job for 'Night jobs near LS6'", digest.Subject);
        Assert.Contains($"Headingley night carer {tag}", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example/jobs/{near}", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(old.ToString(), digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Wetherby", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.example/profile/alerts", digest.TextBody, StringComparison.Ordinal);

        // The next day brings nothing new: no email, and the window still moves on.
        Time.Advance(TimeSpan.FromDays(1));
        await RunAlertsAsync();
        Assert.Single(await MailToAsync(email));
    }

    [Fact]
    public async Task TwoRunsAtOnceSendOneDigest()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Race Care {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (_, email) = await AlertOwnerAsync($"Search.Keyword={tag}");
        Time.Advance(TimeSpan.FromHours(1));
        await PublishedAsync(org, recruiter, Details($"Race job {tag}"));
        Time.Advance(TimeSpan.FromDays(1));

        await Task.WhenAll(RunAlertsAsync(), RunAlertsAsync(), RunAlertsAsync());

        Assert.Single(await MailToAsync(email));
    }

    [Fact]
    public async Task ARunKilledBetweenBatchesLosesAndRepeatsNothing()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Kill Care {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..10];
        var owners = new List<string>();
        for (var i = 0; i < 3; i++)
            owners.Add((await AlertOwnerAsync($"Search.Keyword={tag}", AlertFrequency.Weekly)).Email);
        Time.Advance(TimeSpan.FromHours(1));
        await PublishedAsync(org, recruiter, Details($"Weekly job {tag}"));
        Time.Advance(TimeSpan.FromDays(7));

        async Task<int> DigestsAsync()
        {
            var count = 0;
            foreach (var email in owners)
                count += (await MailToAsync(email)).Count;
            return count;
        }

        // Batches of one alert; the run dies between batches once the first of these three is committed.
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAlertsAsync(job =>
        {
            job.BatchSize = 1;
            job.AfterBatch = async _ =>
            {
                if (await DigestsAsync() > 0)
                    throw new InvalidOperationException("killed");
            };
        }));
        Assert.Equal(1, await DigestsAsync());

        await RunAlertsAsync();
        foreach (var email in owners)
            Assert.Single(await MailToAsync(email));
    }

    [Fact]
    public async Task AnAlertWhoseDigestCannotBeBuiltDoesNotStopTheOthersAndIsSentOnTheNextRun()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Poison Care {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..10];
        var owners = new List<(string User, string Email)>();
        for (var i = 0; i < 3; i++)
            owners.Add(await AlertOwnerAsync($"Search.Keyword={tag}"));
        Time.Advance(TimeSpan.FromHours(1));
        await PublishedAsync(org, recruiter, Details($"Poison job {tag}"));
        Time.Advance(TimeSpan.FromDays(1));
        // The middle one of these alerts in the order the run reads them belongs to a confirmed
        // account a bad import or a hand edit left without an address: its digest cannot be built.
        string poisoned;
        await using (var db = Database.CreateContext())
        {
            var users = owners.Select(o => o.User).ToList();
            var inOrder = await db.Set<SavedSearch>().Where(s => users.Contains(s.UserId)).OrderBy(s => s.Id).Select(s => s.UserId).ToListAsync();
            poisoned = inOrder[1];
            await db.Users.Where(u => u.Id == poisoned).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, ""));
        }

        Assert.Equal(1, (await RunAlertsAsync()).Failed);

        foreach (var (user, email) in owners)
            Assert.Equal(user == poisoned ? 0 : 1, (await MailToAsync(email)).Count);

        await using (var db = Database.CreateContext())
        {
            var email = owners.Single(o => o.User == poisoned).Email;
            await db.Users.Where(u => u.Id == poisoned).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, email));
        }
        Assert.Equal(new BatchJobSummary(1, 0), await RunAlertsAsync());
        foreach (var (_, email) in owners)
            Assert.Contains($"Poison job {tag}", Assert.Single(await MailToAsync(email)).TextBody, StringComparison.Ordinal);
    }
}
