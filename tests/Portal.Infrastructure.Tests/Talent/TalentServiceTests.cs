using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>Vacancies scoped to the recruiter's organisations, and the public search, against real databases.</summary>
public abstract partial class TalentServiceTests<TDatabase>(TDatabase database) : TalentTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task ARecruiterOfAnotherOrganisationFindsNothingAndChangesNothing()
    {
        var (a, recruiterA) = await NewOrganisationWithRecruiterAsync("Aire Care");
        var (_, recruiterB) = await NewOrganisationWithRecruiterAsync("Beck Homecare");
        var id = await PublishedAsync(a, recruiterA, Details("Care worker at Aire"));

        await using var scope = Services();
        var vacancies = scope.Get<VacancyService>();
        Assert.Null(await vacancies.FindAsync(recruiterB, id));
        Assert.DoesNotContain(await vacancies.ListAsync(recruiterB), v => v.Id == id);
        Assert.Equal(Outcome.NotFound, (await vacancies.ChangeAsync(recruiterB, id, (v, now) => v.Close(now))).Outcome);
        Assert.Equal(Outcome.NotFound, (await vacancies.CreateAsync(recruiterB, a, Details("Sneaky"))).Outcome);
        Assert.Equal(VacancyStatus.Published, (await vacancies.FindAsync(recruiterA, id))!.Status);
    }

    [Fact]
    public async Task AnEndedMembershipLosesAccess()
    {
        var (a, recruiter) = await NewOrganisationWithRecruiterAsync("Calder Care");
        var id = await PublishedAsync(a, recruiter, Details("Care worker at Calder"));
        await using (var db = Database.CreateContext())
        {
            var membership = await db.Set<Membership>().SingleAsync(m => m.UserId == recruiter);
            membership.End(Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        await using var scope = Services();
        Assert.Null(await scope.Get<VacancyService>().FindAsync(recruiter, id));
    }

    [Fact]
    public async Task SearchFindsOpenVacanciesByDistanceKeywordAndPay()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Search Care {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var near = await PublishedAsync(org, recruiter, Details($"Headingley {tag} care worker", "LS6", 12.80m));
        var city = await PublishedAsync(org, recruiter, Details($"City centre {tag} care worker", "LS1", 14.00m));
        var far = await PublishedAsync(org, recruiter, Details($"Wetherby {tag} care worker", "LS22", 15.00m));
        await using (var scope = Services())
        {
            var draft = await scope.Get<VacancyService>().CreateAsync(recruiter, org, Details($"Draft {tag}", "LS6"));
            Assert.True(draft.IsDone);
        }

        await using var search = Services();
        var jobs = search.Get<JobSearch>();
        var from = Postcodes.Locate("LS6 2AB").Location;

        var within5 = await jobs.SearchAsync(new JobQuery { Keyword = tag, From = from, WithinMiles = 5, Sort = JobSort.Distance });
        Assert.Equal([near, city], within5.Jobs.Select(j => j.Id));
        Assert.Equal(0, within5.Jobs[0].Miles!.Value, 3);

        var byPay = await jobs.SearchAsync(new JobQuery { Keyword = tag, Sort = JobSort.Pay });
        Assert.Equal([far, city, near], byPay.Jobs.Select(j => j.Id));

        var paysWell = await jobs.SearchAsync(new JobQuery { Keyword = tag, MinimumPay = 13.45m });
        Assert.Equal(new[] { city, far }.Order(), paysWell.Jobs.Select(j => j.Id).Order());
        Assert.Contains(FairWork.RealLivingWage, paysWell.Jobs[0].Badges);

        // Every word of the keyword must start a word of the job, in any order; punctuation is not a wildcard.
        Assert.Equal(3, (await jobs.SearchAsync(new JobQuery { Keyword = $"WORKER care {tag[..5]}" })).Total);
        Assert.Equal([near], (await jobs.SearchAsync(new JobQuery { Keyword = $"{tag} headingley" })).Jobs.Select(j => j.Id));
        Assert.Empty((await jobs.SearchAsync(new JobQuery { Keyword = $"{tag} nurse" })).Jobs);
        Assert.Empty((await jobs.SearchAsync(new JobQuery { Keyword = $"%{tag[1..]}" })).Jobs);
    }

    /// <summary>
    /// Only the page asked for is put in order, yet pages in a row are one ordering: each sort's pages
    /// together are every result once, in the order of the whole list (ties broken by newest, then id);
    /// a page past the end shows the last.
    /// </summary>
    [Fact]
    public async Task PagesInARowAreTheWholeOrderingWithNothingTwiceOrSkipped()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Paging Care {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] districts = ["LS6", "LS1", "LS22"];
        for (var i = 0; i < 2 * JobSearch.PageSize + 5; i++)
            await PublishedAsync(org, recruiter, Details($"{tag} care worker {i}", districts[i % 3], 12.80m + i % 3));
        Dictionary<Guid, (decimal Pay, DateTime Published)> vacancies;
        await using (var db = Database.CreateContext())
            vacancies = (await db.Set<Vacancy>().Where(v => v.OrganisationId == org).ToListAsync())
                .ToDictionary(v => v.Id, v => (v.Details.HourlyPay, v.PublishedAtUtc!.Value));

        await using var search = Services();
        var jobs = search.Get<JobSearch>();
        var from = Postcodes.Locate("LS6 2AB").Location;
        foreach (var sort in new[] { JobSort.Pay, JobSort.Distance, JobSort.Relevance })
        {
            var query = new JobQuery { Keyword = tag, From = from, Sort = sort };
            var pages = new List<JobListing>();
            for (var page = 1; page <= 3; page++)
            {
                var found = await jobs.SearchAsync(query with { Page = page });
                Assert.Equal((vacancies.Count, page, 3), (found.Total, found.Page, found.Pages));
                pages.AddRange(found.Jobs);
            }
            var whole = pages.Select(j => (j.Id, j.Miles, vacancies[j.Id].Pay, vacancies[j.Id].Published)).ToList();
            var ordered = sort switch
            {
                JobSort.Pay => whole.OrderByDescending(j => j.Pay),
                JobSort.Distance => whole.OrderBy(j => j.Miles),
                _ => whole.OrderBy(_ => 0),
            };
            Assert.Equal(ordered.ThenByDescending(j => j.Published).ThenBy(j => j.Id).Select(j => j.Id), pages.Select(j => j.Id));
            Assert.Equal(vacancies.Keys.Order(), pages.Select(j => j.Id).Order());
            var beyond = await jobs.SearchAsync(query with { Page = 99 });
            Assert.Equal((3, 5), (beyond.Page, beyond.Jobs.Count));
            Assert.Equal(pages.TakeLast(5).Select(j => j.Id), beyond.Jobs.Select(j => j.Id));
        }
    }

    /// <summary>A role page's "open vacancies for this job": that career role's alone, with the other filters still applied.</summary>
    [Fact]
    public async Task SearchByCareerRoleFindsThatRolesVacanciesOnly()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Role Care {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var carer = await PublishedAsync(org, recruiter, Details($"Headingley {tag} care worker", "LS6", 12.80m));
        var senior = await PublishedAsync(org, recruiter, Details($"Headingley {tag} senior carer", "LS6", 14.20m, role: "senior-care-worker"));

        await using var search = Services();
        var jobs = search.Get<JobSearch>();

        Assert.Equal([senior], (await jobs.SearchAsync(new JobQuery { Keyword = tag, CareerRole = "senior-care-worker" })).Jobs.Select(j => j.Id));
        Assert.Equal([carer], (await jobs.SearchAsync(new JobQuery { Keyword = tag, CareerRole = "care-worker" })).Jobs.Select(j => j.Id));
        Assert.Empty((await jobs.SearchAsync(new JobQuery { Keyword = tag, CareerRole = "care-worker", MinimumPay = 13m })).Jobs);
        Assert.Empty((await jobs.SearchAsync(new JobQuery { Keyword = tag, CareerRole = "no-such-role" })).Jobs);
        Assert.Equal(2, (await jobs.SearchAsync(new JobQuery { Keyword = tag, CareerRole = " " })).Total);
    }

    [Fact]
    public async Task ClosedAndPastClosingVacanciesAreNotFound()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Closing Care {Guid.NewGuid():N}");
        var id = await PublishedAsync(org, recruiter, Details("Soon closed"));

        await using (var scope = Services())
            Assert.NotNull(await scope.Get<JobSearch>().FindOpenAsync(id));
        Time.SetUtcNow(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await using (var scope = Services())
            Assert.Null(await scope.Get<JobSearch>().FindOpenAsync(id));
    }
}

public abstract partial class TalentServiceTests<TDatabase>
{
    [Fact]
    public async Task ApplyingTwiceKeepsOneApplicationEvenAtTheSameMoment()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Apply Care {Guid.NewGuid():N}");
        var vacancy = await PublishedAsync(org, recruiter, Details("Apply here"));
        var applicant = await NewUserAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = Services();
            return await scope.Get<ApplicationService>().ApplyAsync(applicant, vacancy, "I can start soon.");
        }));

        Assert.Single(results.Select(r => r.Value!.Id).Distinct());
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Set<Application>().CountAsync(a => a.VacancyId == vacancy));
    }

    [Fact]
    public async Task AMoveIsStampedAndEmailedOnceAndOnlyTheVacancysRecruitersCanMakeIt()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Move Care {Guid.NewGuid():N}");
        var (_, stranger) = await NewOrganisationWithRecruiterAsync($"Other Care {Guid.NewGuid():N}");
        var vacancy = await PublishedAsync(org, recruiter, Details("Move me"));
        var applicant = await NewUserAsync();
        Guid applicationId;
        await using (var scope = Services())
            applicationId = (await scope.Get<ApplicationService>().ApplyAsync(applicant, vacancy, null)).Value!.Id;

        await using (var scope = Services())
        {
            var applications = scope.Get<ApplicationService>();
            Assert.Null(await applications.ForVacancyAsync(stranger, vacancy));
            Assert.Equal([applicant], (await applications.ForVacancyAsync(recruiter, vacancy))!.Select(a => a.UserId));
            // A vacancy of theirs nobody has applied to yet is an empty list to its recruiter, and still nothing to anyone else.
            var unanswered = await PublishedAsync(org, recruiter, Details("Nobody yet"));
            Assert.Empty((await applications.ForVacancyAsync(recruiter, unanswered))!);
            Assert.Null(await applications.ForVacancyAsync(stranger, unanswered));
            Assert.Equal(Outcome.NotFound, (await applications.MoveAsync(stranger, applicationId, ApplicationStatus.Shortlisted)).Outcome);
            Assert.True((await applications.MoveAsync(recruiter, applicationId, ApplicationStatus.Shortlisted)).IsDone);
            // Hired straight from shortlisted is refused, and nothing is saved.
            Assert.Equal(Outcome.Invalid, (await applications.MoveAsync(recruiter, applicationId, ApplicationStatus.Hired)).Outcome);
        }

        await using var db = Database.CreateContext();
        var stored = await db.Set<Application>().Include(a => a.History).SingleAsync(a => a.Id == applicationId);
        Assert.Equal(ApplicationStatus.Shortlisted, stored.Status);
        Assert.Equal([(ApplicationStatus.Submitted, applicant), (ApplicationStatus.Shortlisted, recruiter)], stored.History.OrderBy(e => e.Id).Select(e => (e.Status, e.ChangedBy)));
        var email = (await db.Users.FindAsync(applicant))!.Email;
        // Besides "application received": one email for the one move that was made.
        var mail = Assert.Single(await db.OutboxMessages.Where(m => m.To == email && !m.DedupeKey!.Contains(":received:")).ToListAsync());
        Assert.Equal("You are shortlisted: Move me", mail.Subject);
        Assert.Contains("you have been shortlisted", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyCanApplyToADraft()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Draft Apply Care {Guid.NewGuid():N}");
        Guid draft;
        await using (var scope = Services())
            draft = (await scope.Get<VacancyService>().CreateAsync(recruiter, org, Details("Not yet"))).Value!.Id;
        var applicant = await NewUserAsync();

        await using var apply = Services();
        Assert.Equal(Outcome.NotFound, (await apply.Get<ApplicationService>().ApplyAsync(applicant, draft, null)).Outcome);
    }
}

public sealed class SqliteTalentServiceTests(SqliteTestDatabase database) : TalentServiceTests<SqliteTestDatabase>(database);

public sealed class PostgresTalentServiceTests(PostgresTestDatabase database) : TalentServiceTests<PostgresTestDatabase>(database);
