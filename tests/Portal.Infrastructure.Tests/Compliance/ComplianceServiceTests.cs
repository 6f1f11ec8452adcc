using Microsoft.EntityFrameworkCore;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Tests.Support;
using Portal.Infrastructure.Tests.Talent;

namespace Portal.Infrastructure.Tests.Compliance;

/// <summary>
/// Required training by job, the matrix, competency sign-off and leaving, over a real database:
/// organisation overrides, a person on two staffs, every permission rule, and isolation between
/// organisations.
/// </summary>
public abstract class ComplianceServiceTests<TDatabase>(TDatabase database) : TalentTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly Topic Safeguarding = new(TopicKind.Module, "safeguarding-adults");
    private static readonly Topic Infection = new(TopicKind.Module, "infection-prevention-and-control");
    private static readonly Topic Glucose = new(TopicKind.Competency, "blood-glucose-monitoring");

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    private async Task<(Guid Organisation, string Manager)> OrganisationAsync(string name)
    {
        var manager = await NewUserAsync();
        await using var scope = Services();
        var organisations = scope.Get<OrganisationService>();
        var created = await organisations.CreateAsync($"{name} {Guid.NewGuid():N}"[..40], OrganisationType.CareProvider, null, "LS6 1AA");
        Assert.Null(created.Problem);
        var organisation = created.Value;
        await using var db = Database.CreateContext();
        db.Add(Membership.Start(organisation!.Id, manager, MembershipRole.Manager, Now));
        await db.SaveChangesAsync();
        return (organisation.Id, manager);
    }

    private async Task<long> StaffAsync(Guid organisation, string userId, string jobRole, string? team = null, bool practitioner = false)
    {
        await using var db = Database.CreateContext();
        var membership = Membership.Start(organisation, userId, MembershipRole.Staff, Now.AddDays(-60), jobRole, team, practitioner);
        db.Add(membership);
        await db.SaveChangesAsync();
        return membership.Id;
    }

    private async Task CompletedAsync(string userId, string module, DateTime at)
    {
        await using var db = Database.CreateContext();
        var progress = ModuleProgress.Start(userId, module, "v1", at.AddMinutes(-10));
        progress.MarkPassed(at);
        db.Add(progress);
        db.Add(Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), Guid.NewGuid().ToString("N")[..24], at));
        await db.SaveChangesAsync();
    }

    /// <summary>A refresher passed at <paramref name="at"/>: the next round of the module, a new row.</summary>
    private async Task RefreshedAsync(string userId, string module, DateTime at)
    {
        await using var db = Database.CreateContext();
        var progress = await db.Set<ModuleProgress>().SingleAsync(p => p.UserId == userId && p.ModuleSlug == module);
        progress.StartRefresher("v1", at.AddMinutes(-10));
        progress.MarkPassed(at);
        db.Add(Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), Guid.NewGuid().ToString("N")[..24], at));
        await db.SaveChangesAsync();
    }

    private async Task<ComplianceService.MatrixPage?> MatrixAsync(string manager, Guid? organisation = null, MatrixFilter? filter = null)
    {
        await using var scope = Services();
        return await scope.Get<ComplianceService>().MatrixAsync(manager, organisation, filter ?? new());
    }

    private static ComplianceCell? CellOf(ComplianceService.MatrixPage page, string userId, Topic topic)
    {
        var column = page.View.Columns.Select((c, i) => (c, i)).Single(x => x.c.Topic == topic).i;
        return page.View.Rows.Single(r => r.Person.UserId == userId).Cells[column];
    }

    [Fact]
    public async Task TheJobRolesDefaultsApplyUntilTheOrganisationSetsItsOwn()
    {
        var (organisation, manager) = await OrganisationAsync("Aire Homecare");
        var worker = await NewUserAsync();
        await StaffAsync(organisation, worker, "enhanced-care-worker");
        var content = Content.Current;

        var page = (await MatrixAsync(manager))!;
        var defaults = content.Roles["enhanced-care-worker"];
        Assert.Equal(defaults.RequiredTraining.Count + defaults.RequiredCompetencies.Count, page.View.Columns.Count);
        Assert.All(page.View.Rows.Single().Cells, c => Assert.Equal(ComplianceStatus.Missing, c!.Value.Status));

        await using (var scope = Services())
        {
            var result = await scope.Get<ComplianceService>().SetRequiredAsync(manager, organisation, "enhanced-care-worker", [Safeguarding.Key, "competency:catheter-care"]);
            Assert.Equal(Outcome.Done, result.Outcome);
            Assert.Null(result.Problem);
        }
        page = (await MatrixAsync(manager))!;
        Assert.Equal(["Safeguarding adults", "Catheter care (sign-off)"], page.View.Columns.Select(c => c.Title));

        // A tampered topic or job changes nothing.
        await using (var scope = Services())
        {
            var service = scope.Get<ComplianceService>();
            Assert.Equal(Outcome.Invalid, (await service.SetRequiredAsync(manager, organisation, "enhanced-care-worker", ["module:no-such-module"])).Outcome);
            Assert.Equal(Outcome.Invalid, (await service.SetRequiredAsync(manager, organisation, "new-to-care", [Safeguarding.Key])).Outcome);
        }
        Assert.Equal(2, (await MatrixAsync(manager))!.View.Columns.Count);

        await using (var scope = Services())
            Assert.Equal(Outcome.Done, (await scope.Get<ComplianceService>().UseDefaultsAsync(manager, organisation, "enhanced-care-worker")).Outcome);
        Assert.Equal(defaults.RequiredTraining.Count + defaults.RequiredCompetencies.Count, (await MatrixAsync(manager))!.View.Columns.Count);
    }

    [Fact]
    public async Task APersonOnTwoStaffsIsMeasuredAgainstEachOrganisationsOwnRefreshInterval()
    {
        var (yearly, managerA) = await OrganisationAsync("Yearly Care");
        var (standard, managerB) = await OrganisationAsync("Standard Care");
        var worker = await NewUserAsync();
        await StaffAsync(yearly, worker, "care-worker");
        await StaffAsync(standard, worker, "care-worker");
        await CompletedAsync(worker, "infection-prevention-and-control", Now.AddMonths(-13));
        await using (var scope = Services())
        {
            var service = scope.Get<ComplianceService>();
            Assert.Equal(Outcome.Done, (await service.SetRefreshAsync(managerA, yearly, "infection-prevention-and-control", useDefault: false, 12)).Outcome);
            Assert.Equal(Outcome.Invalid, (await service.SetRefreshAsync(managerA, yearly, "infection-prevention-and-control", useDefault: false, 0)).Outcome);
            Assert.Equal(Outcome.Invalid, (await service.SetRefreshAsync(managerA, yearly, "no-such-module", useDefault: false, 12)).Outcome);
        }

        var atA = CellOf((await MatrixAsync(managerA))!, worker, Infection)!.Value;
        Assert.Equal(ComplianceStatus.Expired, atA.Status);
        Assert.Equal(DateOnly.FromDateTime(Now.AddMonths(-1)), atA.Expires);
        var atB = CellOf((await MatrixAsync(managerB))!, worker, Infection)!.Value;
        Assert.Equal(ComplianceStatus.Valid, atB.Status);
        Assert.Equal(DateOnly.FromDateTime(Now.AddMonths(23)), atB.Expires);

        // Back to the module's own interval.
        await using (var scope = Services())
            await scope.Get<ComplianceService>().SetRefreshAsync(managerA, yearly, "infection-prevention-and-control", useDefault: true, null);
        Assert.Equal(ComplianceStatus.Valid, CellOf((await MatrixAsync(managerA))!, worker, Infection)!.Value.Status);
    }

    [Fact]
    public async Task TheMatrixShowsEveryBucketWithTotalsAndFilters()
    {
        var (organisation, manager) = await OrganisationAsync("Buckets Care");
        await using (var scope = Services())
            await scope.Get<ComplianceService>().SetRequiredAsync(manager, organisation, "care-worker", [Infection.Key]);
        // Infection prevention lasts 36 months: done 35.5 months ago expires in about 15 days, and so on.
        var months = new (string Name, DateTime? Done, ComplianceStatus Expected)[]
        {
            ("valid", Now.AddMonths(-1), ComplianceStatus.Valid),
            ("ninety", Now.AddMonths(-36).AddDays(75), ComplianceStatus.Expiring90),
            ("sixty", Now.AddMonths(-36).AddDays(45), ComplianceStatus.Expiring60),
            ("thirty", Now.AddMonths(-36).AddDays(15), ComplianceStatus.Expiring30),
            ("expired", Now.AddMonths(-37), ComplianceStatus.Expired),
            ("missing", null, ComplianceStatus.Missing),
        };
        var ids = new Dictionary<string, string>();
        foreach (var (name, done, _) in months)
        {
            var user = await NewUserAsync();
            ids[name] = user;
            await StaffAsync(organisation, user, "care-worker", team: name == "valid" ? "North" : "South");
            if (done is { } at)
                await CompletedAsync(user, "infection-prevention-and-control", at);
        }

        var page = (await MatrixAsync(manager))!;
        foreach (var (name, _, expected) in months)
            Assert.Equal(expected, CellOf(page, ids[name], Infection)!.Value.Status);
        var column = Assert.Single(page.View.Columns);
        Assert.All(Enum.GetValues<ComplianceStatus>(), s => Assert.Equal(1, column.Count(s)));
        Assert.Equal(66, page.View.CompliancePercent);
        Assert.Equal(["North", "South"], page.Teams);

        var north = (await MatrixAsync(manager, filter: new(Team: "North")))!;
        Assert.Equal(ids["valid"], Assert.Single(north.View.Rows).Person.UserId);
        var expired = (await MatrixAsync(manager, filter: new(Status: ComplianceStatus.Expired)))!;
        Assert.Equal(ids["expired"], Assert.Single(expired.View.Rows).Person.UserId);
    }

    [Fact]
    public async Task AnotherOrganisationsStaffAreNotFoundAnywhere()
    {
        var (mine, manager) = await OrganisationAsync("Mine Care");
        var (theirs, otherManager) = await OrganisationAsync("Theirs Care");
        var theirWorker = await NewUserAsync();
        var theirMembership = await StaffAsync(theirs, theirWorker, "care-worker");

        Assert.Null(await MatrixAsync(manager, theirs));
        Assert.DoesNotContain((await MatrixAsync(manager))!.View.Rows, r => r.Person.UserId == theirWorker);
        Assert.Null(await MatrixAsync(await NewUserAsync()));
        await using var scope = Services();
        var service = scope.Get<ComplianceService>();
        Assert.Null(await service.PersonAsync(manager, theirMembership));
        Assert.Equal(Outcome.NotFound, (await service.SetRequiredAsync(manager, theirs, "care-worker", [])).Outcome);
        Assert.Equal(Outcome.NotFound, (await service.SetRefreshAsync(manager, theirs, "safeguarding-adults", false, 12)).Outcome);
        Assert.Equal(Outcome.NotFound, (await service.UseDefaultsAsync(manager, theirs, "care-worker")).Outcome);
        Assert.Equal(Outcome.NotFound, (await service.ChangeJobAsync(manager, theirMembership, "senior-care-worker", null, false)).Outcome);
        Assert.Equal(Outcome.NotFound, (await service.EndAsync(manager, theirMembership)).Outcome);
        // Their own manager still sees them, unchanged.
        var theirPerson = await service.PersonAsync(otherManager, theirMembership);
        Assert.Equal("care-worker", theirPerson!.JobRole);
        Assert.NotEqual(mine, theirs);
    }

    [Fact]
    public async Task LeavingEndsTheMembershipNotTheRecord()
    {
        var (organisation, manager) = await OrganisationAsync("Leavers Care");
        var worker = await NewUserAsync();
        var membership = await StaffAsync(organisation, worker, "care-worker");
        await CompletedAsync(worker, "safeguarding-adults", Now.AddDays(-3));
        await using (var scope = Services())
            Assert.Equal(Outcome.Done, (await scope.Get<ComplianceService>().EndAsync(manager, membership)).Outcome);

        Assert.DoesNotContain((await MatrixAsync(manager))!.View.Rows, r => r.Person.UserId == worker);
        await using var db = Database.CreateContext();
        var ended = await db.Set<Membership>().SingleAsync(m => m.Id == membership);
        Assert.Equal(Now, ended.EndedAtUtc);
        Assert.Equal(1, await db.Set<Completion>().CountAsync(c => c.UserId == worker));
        await using var again = Services();
        Assert.Null(await again.Get<ComplianceService>().PersonAsync(manager, membership));
    }

    [Fact]
    public async Task AManagerCannotMakeThemselvesAPractitioner()
    {
        var (organisation, manager) = await OrganisationAsync("Self Care");
        var ownStaff = await StaffAsync(organisation, manager, "registered-nurse");
        await using var scope = Services();
        var result = await scope.Get<ComplianceService>().ChangeJobAsync(manager, ownStaff, "registered-nurse", null, practitioner: true);
        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Contains("yourself", result.Problem?.Message, StringComparison.Ordinal);
        Assert.False((await scope.Get<ComplianceService>().PersonAsync(manager, ownStaff))!.Practitioner);

        // Marking someone else is recorded: by whom and when, for the audit; un-marking clears it.
        var nurse = await StaffAsync(organisation, await NewUserAsync(), "registered-nurse");
        Assert.Equal(Outcome.Done, (await scope.Get<ComplianceService>().ChangeJobAsync(manager, nurse, "registered-nurse", null, practitioner: true)).Outcome);
        var marked = (await scope.Get<ComplianceService>().PersonAsync(manager, nurse))!;
        Assert.Equal((Now, "Rita Recruiter"), marked.PractitionerGrant);
        Assert.Equal(Outcome.Done, (await scope.Get<ComplianceService>().ChangeJobAsync(manager, nurse, "registered-nurse", null, practitioner: false)).Outcome);
        Assert.Null((await scope.Get<ComplianceService>().PersonAsync(manager, nurse))!.PractitionerGrant);
    }

    private async Task<(Guid Organisation, string Manager, string Nurse, string Worker, long WorkerMembership)> SignOffSetupAsync(string name)
    {
        var (organisation, manager) = await OrganisationAsync(name);
        var nurse = await NewUserAsync();
        var worker = await NewUserAsync();
        await StaffAsync(organisation, nurse, "registered-nurse", practitioner: true);
        var membership = await StaffAsync(organisation, worker, "enhanced-care-worker");
        return (organisation, manager, nurse, worker, membership);
    }

    private static int[] AllSteps => [.. Enumerable.Range(0, Content.Current.Competencies["blood-glucose-monitoring"].Checklist.Count)];

    private static string Version => Content.Current.Competencies["blood-glucose-monitoring"].ChecklistVersion;

    private async Task<Result> SignOffAsync(string by, long membership, int[]? steps = null, string? version = null, DateOnly? on = null)
    {
        await using var scope = Services();
        return await scope.Get<CompetencyService>().SignOffAsync(by, membership, "blood-glucose-monitoring", version ?? Version, steps ?? AllSteps,
            "Steady and careful; explained each step to Mrs Khan.", on ?? DateOnly.FromDateTime(Now));
    }

    private async Task<int> RecordsAsync(string worker)
    {
        await using var db = Database.CreateContext();
        return await db.Set<CompetencyRecord>().CountAsync(r => r.UserId == worker);
    }

    [Fact]
    public async Task APractitionerSignsOffOnceTheTrainingIsHeldAndTheMatrixShowsIt()
    {
        var (_, manager, nurse, worker, membership) = await SignOffSetupAsync("Signed Care");

        // Training first.
        var result = await SignOffAsync(nurse, membership);
        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Contains("needs to complete", result.Problem?.Message, StringComparison.Ordinal);
        foreach (var module in Content.Current.Competencies["blood-glucose-monitoring"].Modules)
            await CompletedAsync(worker, module, Now.AddDays(-2));

        await using (var scope = Services())
        {
            var list = await scope.Get<CompetencyService>().ToObserveAsync(nurse);
            var item = Assert.Single(list, i => i.MembershipId == membership && i.Competency.Slug == "blood-glucose-monitoring");
            Assert.True(item.Ready);
            Assert.Equal(ComplianceStatus.Missing, item.Cell.Status);
        }

        // A step not ticked, a tampered step, a changed checklist, a future date: nothing recorded.
        Assert.Contains("not ticked", (await SignOffAsync(nurse, membership, steps: AllSteps[1..])).Problem?.Message, StringComparison.Ordinal);
        Assert.Contains("do not match", (await SignOffAsync(nurse, membership, steps: [.. AllSteps[1..], 99])).Problem?.Message, StringComparison.Ordinal);
        Assert.Contains("checklist has changed", (await SignOffAsync(nurse, membership, version: "0123456789ab")).Problem?.Message, StringComparison.Ordinal);
        Assert.Contains("future", (await SignOffAsync(nurse, membership, on: DateOnly.FromDateTime(Now).AddDays(1))).Problem?.Message, StringComparison.Ordinal);
        Assert.Equal(0, await RecordsAsync(worker));

        Assert.Equal(Outcome.Done, (await SignOffAsync(nurse, membership)).Outcome);
        var cell = CellOf((await MatrixAsync(manager))!, worker, Glucose)!.Value;
        Assert.Equal(ComplianceStatus.Valid, cell.Status);
        Assert.Equal(DateOnly.FromDateTime(Now).AddMonths(12), cell.Expires);

        await using var db = Database.CreateContext();
        var record = await db.Set<CompetencyRecord>().SingleAsync(r => r.UserId == worker);
        Assert.Equal(nurse, record.RecordedBy);
        Assert.Equal(Version, record.ChecklistVersion);
        Assert.StartsWith("Checks the care plan", record.StepsObserved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAPractitionerOfThatOrganisationSignsOffAndNeverThemselves()
    {
        var (organisation, manager, nurse, worker, membership) = await SignOffSetupAsync("Rules Care");
        foreach (var module in Content.Current.Competencies["blood-glucose-monitoring"].Modules)
            await CompletedAsync(worker, module, Now.AddDays(-2));
        var (elsewhere, _) = await OrganisationAsync("Elsewhere Care");
        var otherNurse = await NewUserAsync();
        await StaffAsync(elsewhere, otherNurse, "registered-nurse", practitioner: true);
        var colleague = await NewUserAsync();
        await StaffAsync(organisation, colleague, "care-worker");
        long nurseMembership;
        await using (var db = Database.CreateContext())
            nurseMembership = await db.Set<Membership>().Where(m => m.UserId == nurse).Select(m => m.Id).SingleAsync();

        // The manager can see but not sign; a colleague who is not a practitioner cannot; nor can a
        // practitioner elsewhere; nor the practitioner for themselves.
        Assert.Equal(Outcome.NotFound, (await SignOffAsync(manager, membership)).Outcome);
        Assert.Equal(Outcome.NotFound, (await SignOffAsync(colleague, membership)).Outcome);
        Assert.Equal(Outcome.NotFound, (await SignOffAsync(otherNurse, membership)).Outcome);
        Assert.Equal(Outcome.NotFound, (await SignOffAsync(nurse, nurseMembership)).Outcome);
        Assert.Equal(0, await RecordsAsync(worker));
        await using (var scope = Services())
        {
            Assert.Null(await scope.Get<CompetencyService>().ObservationAsync(otherNurse, membership, "blood-glucose-monitoring"));
            Assert.DoesNotContain(await scope.Get<CompetencyService>().ToObserveAsync(otherNurse), i => i.MembershipId == membership);
            Assert.Null(await scope.Get<CompetencyService>().ObservationAsync(nurse, membership, "no-such-competency"));
        }
    }

    [Fact]
    public async Task ARevokeIsANewRowWithAReasonAndTheLogCannotBeRewritten()
    {
        var (organisation, manager, nurse, worker, membership) = await SignOffSetupAsync("Revoke Care");
        var otherMembership = await StaffAsync(organisation, await NewUserAsync(), "enhanced-care-worker");
        foreach (var module in Content.Current.Competencies["blood-glucose-monitoring"].Modules)
            await CompletedAsync(worker, module, Now.AddDays(-2));
        Assert.Equal(Outcome.Done, (await SignOffAsync(nurse, membership)).Outcome);
        long id;
        await using (var db = Database.CreateContext())
            id = await db.Set<CompetencyRecord>().Where(r => r.UserId == worker).Select(r => r.Id).SingleAsync();
        var (outsider, _) = await OrganisationAsync("Outsider Care");
        var outsiderManager = await NewUserAsync();
        await using (var db = Database.CreateContext())
        {
            db.Add(Membership.Start(outsider, outsiderManager, MembershipRole.Manager, Now));
            await db.SaveChangesAsync();
        }

        await using (var scope = Services())
        {
            var service = scope.Get<CompetencyService>();
            Assert.Equal(Outcome.NotFound, (await service.RevokeAsync(outsiderManager, membership, id, "Not ours")).Outcome);
            // A sign-off sent with another person's page is not found, even by their manager.
            Assert.Equal(Outcome.NotFound, (await service.RevokeAsync(manager, otherMembership, id, "Wrong person")).Outcome);
            Assert.Equal(Outcome.Invalid, (await service.RevokeAsync(manager, membership, id, "  ")).Outcome);
            Assert.Equal(1, await RecordsAsync(worker));
            Assert.Equal(Outcome.Done, (await service.RevokeAsync(manager, membership, id, "Skipped hand hygiene on 20 November")).Outcome);
            Assert.Equal(Outcome.Invalid, (await service.RevokeAsync(nurse, membership, id, "Again")).Outcome);
        }
        Assert.Equal(ComplianceStatus.Missing, CellOf((await MatrixAsync(manager))!, worker, Glucose)!.Value.Status);
        await using (var scope = Services())
        {
            var person = (await scope.Get<ComplianceService>().PersonAsync(manager, membership))!;
            Assert.Equal([CompetencyRecordKind.Revoked, CompetencyRecordKind.SignedOff], person.Log.Select(r => r.Kind));
            Assert.Equal("Skipped hand hygiene on 20 November", person.Log[0].Note);
        }

        // Nothing changes or removes a row, even with the context in hand.
        await using (var db = Database.CreateContext())
        {
            var record = await db.Set<CompetencyRecord>().SingleAsync(r => r.Id == id);
            db.Remove(record);
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }
        Assert.Equal(2, await RecordsAsync(worker));
    }

    /// <summary>Staff, completions, sign-offs, the organisation's rules, refresh intervals, and training recognised from passports: one query each.</summary>
    [Fact]
    public async Task TheMatrixTakesSixQueriesHoweverManyStaff()
    {
        var (organisation, manager) = await OrganisationAsync("Counted Care");
        for (var i = 0; i < 12; i++)
        {
            var user = await NewUserAsync();
            await StaffAsync(organisation, user, i % 2 == 0 ? "care-worker" : "enhanced-care-worker", team: i % 3 == 0 ? "North" : null);
            await CompletedAsync(user, "safeguarding-adults", Now.AddMonths(-i));
        }
        string connectionString;
        await using (var db = Database.CreateContext())
            connectionString = db.Database.GetConnectionString()!;
        using var counter = new Portal.Tests.Common.CommandCounter(connectionString);
        var page = await MatrixAsync(manager);
        Assert.Equal(12, page!.View.Rows.Count);
        Assert.InRange(counter.Count, 1, 6);
    }

    /// <summary>
    /// The matrix keeps what it read of the staff's completions between views (StaffCompletionsCache):
    /// whatever happens in between shows on the manager's next view. A pass (written as any node
    /// writes it, to the shared database), a new member of staff who trained elsewhere, a refresher
    /// passed offline two days before the last view and sent in after it (a watermark by time would
    /// miss it), and a leaver.
    /// </summary>
    [Fact]
    public async Task WhatHappensBetweenTwoViewsOfTheMatrixShowsOnTheNext()
    {
        var (organisation, manager) = await OrganisationAsync("Between Care");
        await using (var scope = Services())
            await scope.Get<ComplianceService>().SetRequiredAsync(manager, organisation, "care-worker", [Infection.Key, Safeguarding.Key]);
        var amy = await NewUserAsync();
        var membership = await StaffAsync(organisation, amy, "care-worker");
        var cath = await NewUserAsync();
        await StaffAsync(organisation, cath, "care-worker");
        await CompletedAsync(cath, Infection.Slug, Now.AddMonths(-37));

        var first = (await MatrixAsync(manager))!;
        Assert.Equal(ComplianceStatus.Missing, CellOf(first, amy, Infection)!.Value.Status);
        Assert.Equal(ComplianceStatus.Expired, CellOf(first, cath, Infection)!.Value.Status);

        await CompletedAsync(amy, Infection.Slug, Now.AddMinutes(-1));
        Assert.Equal(ComplianceStatus.Valid, CellOf((await MatrixAsync(manager))!, amy, Infection)!.Value.Status);
        Assert.Equal(ComplianceStatus.Missing, CellOf((await MatrixAsync(manager))!, amy, Safeguarding)!.Value.Status);

        var ben = await NewUserAsync();
        await CompletedAsync(ben, Safeguarding.Slug, Now.AddMonths(-2));
        await StaffAsync(organisation, ben, "care-worker");
        Assert.Equal(ComplianceStatus.Valid, CellOf((await MatrixAsync(manager))!, ben, Safeguarding)!.Value.Status);

        await RefreshedAsync(cath, Infection.Slug, Now.AddDays(-2));
        var refreshed = CellOf((await MatrixAsync(manager))!, cath, Infection)!.Value;
        Assert.Equal(ComplianceStatus.Valid, refreshed.Status);
        Assert.Equal(DateOnly.FromDateTime(Now.AddDays(-2).AddMonths(36)), refreshed.Expires);

        await using (var scope = Services())
            Assert.Equal(Outcome.Done, (await scope.Get<ComplianceService>().EndAsync(manager, membership)).Outcome);
        var after = (await MatrixAsync(manager))!;
        Assert.Equal(new[] { ben, cath }.Order(StringComparer.Ordinal), after.View.Rows.Select(r => r.Person.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(ComplianceStatus.Valid, CellOf(after, ben, Safeguarding)!.Value.Status);
    }

    /// <summary>Two organisations' matrices, viewed in turn, each show their own staff's training; one person on both staffs shows in both.</summary>
    [Fact]
    public async Task TwoOrganisationsMatricesViewedInTurnNeverMix()
    {
        var (north, northManager) = await OrganisationAsync("North Turn Care");
        var (south, southManager) = await OrganisationAsync("South Turn Care");
        await using (var scope = Services())
        {
            var service = scope.Get<ComplianceService>();
            await service.SetRequiredAsync(northManager, north, "care-worker", [Infection.Key]);
            await service.SetRequiredAsync(southManager, south, "care-worker", [Infection.Key]);
        }
        var northOnly = await NewUserAsync();
        var southOnly = await NewUserAsync();
        var both = await NewUserAsync();
        await StaffAsync(north, northOnly, "care-worker");
        await StaffAsync(south, southOnly, "care-worker");
        await StaffAsync(north, both, "care-worker");
        await StaffAsync(south, both, "care-worker");
        await CompletedAsync(northOnly, Infection.Slug, Now.AddMonths(-1));
        await CompletedAsync(southOnly, Infection.Slug, Now.AddMonths(-37));

        for (var turn = 0; turn < 3; turn++)
        {
            if (turn == 2)
                await CompletedAsync(both, Infection.Slug, Now.AddDays(-1));
            var atNorth = (await MatrixAsync(northManager))!;
            var atSouth = (await MatrixAsync(southManager))!;
            Assert.Equal(new[] { both, northOnly }.Order(StringComparer.Ordinal), atNorth.View.Rows.Select(r => r.Person.UserId).Order(StringComparer.Ordinal));
            Assert.Equal(new[] { both, southOnly }.Order(StringComparer.Ordinal), atSouth.View.Rows.Select(r => r.Person.UserId).Order(StringComparer.Ordinal));
            Assert.Equal(ComplianceStatus.Valid, CellOf(atNorth, northOnly, Infection)!.Value.Status);
            Assert.Equal(ComplianceStatus.Expired, CellOf(atSouth, southOnly, Infection)!.Value.Status);
            var expected = turn == 2 ? ComplianceStatus.Valid : ComplianceStatus.Missing;
            Assert.Equal(expected, CellOf(atNorth, both, Infection)!.Value.Status);
            Assert.Equal(expected, CellOf(atSouth, both, Infection)!.Value.Status);
        }
    }

    /// <summary>
    /// A second view with nothing changed counts the staff's completions instead of reading every
    /// person's modules again; after a pass, the next view reads them afresh.
    /// </summary>
    [Fact]
    public async Task ASecondViewCountsTheStaffsCompletionsInsteadOfReadingThemAgain()
    {
        var (organisation, manager) = await OrganisationAsync("Counting Care");
        await using (var scope = Services())
            await scope.Get<ComplianceService>().SetRequiredAsync(manager, organisation, "care-worker", [Infection.Key]);
        var workers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var user = await NewUserAsync();
            workers.Add(user);
            await StaffAsync(organisation, user, "care-worker");
            await CompletedAsync(user, Infection.Slug, Now.AddMonths(-i));
        }
        string connectionString;
        await using (var db = Database.CreateContext())
            connectionString = db.Database.GetConnectionString()!;
        using var commands = new Portal.Tests.Common.CommandCounter(connectionString);

        await MatrixAsync(manager);
        Assert.Single(commands.Texts, ReadsEveryModule);
        Assert.DoesNotContain(commands.Texts, CountsCompletions);

        commands.Clear();
        Assert.Equal(4, (await MatrixAsync(manager))!.View.Rows.Count(r => r.Cells[0]!.Value.Held));
        Assert.DoesNotContain(commands.Texts, ReadsEveryModule);
        Assert.Single(commands.Texts, CountsCompletions);

        await RefreshedAsync(workers[3], Infection.Slug, Now);
        commands.Clear();
        var page = (await MatrixAsync(manager))!;
        Assert.Single(commands.Texts, ReadsEveryModule);
        Assert.Equal(DateOnly.FromDateTime(Now.AddMonths(36)), CellOf(page, workers[3], Infection)!.Value.Expires);
    }

    private static bool ReadsEveryModule(string sql) =>
        sql.Contains("Completions", StringComparison.Ordinal) && sql.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase);

    private static bool CountsCompletions(string sql) =>
        sql.Contains("Completions", StringComparison.Ordinal) && sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase) && !sql.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase);
}

public sealed class SqliteComplianceServiceTests(SqliteTestDatabase database) : ComplianceServiceTests<SqliteTestDatabase>(database);

public sealed class PostgresComplianceServiceTests(PostgresTestDatabase database) : ComplianceServiceTests<PostgresTestDatabase>(database);
