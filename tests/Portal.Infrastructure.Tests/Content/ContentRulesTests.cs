using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>
/// The rules that keep facts honest across files: pay at or above the legal floor, a delegated-activity
/// list with no ordinary care task in it, registration as a step's result, and programmes that
/// include others.
/// </summary>
public sealed class ContentRulesTests : IDisposable
{
    private static readonly MinimumWage Floor = new([
        new(new DateOnly(2025, 4, 1), 12.21m, 10.00m, 7.55m, 7.55m),
        new(new DateOnly(2026, 4, 1), 12.71m, 10.85m, 8.00m, 8.00m),
    ]);

    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private static string Role(string slug, decimal payFrom) =>
        $"---\ntitle: {slug}\nsummary: A role.\nsector: social-care\nsettings: [home]\nlevel: 2\nno-qualifications-needed: true\npay:\n  hourly-from: {payFrom:0.00}\n  hourly-to: 14.00\nhours: Full time\nshifts: [early]\n{TempContent.Provenance}---\nText.\n";

    private static string Programme(string extra = "") =>
        $"---\ntitle: A programme\nsummary: Short.\nkind: certificate\nlevel: 0\nduration-months: 3\n{TempContent.ProgrammeFacts}{extra}{TempContent.Provenance}---\nText.\n";

    private static string Competency(string kind) =>
        $"---\ntitle: A task\nsummary: Short.\nkind: {kind}\nreview-months: 12\nmodules: [duty-of-care]\nchecklist:\n  - One.\n  - Two.\n{TempContent.Provenance}---\nText.\n";

    private ContentSet LoadOn(DateOnly day) =>
        new ContentLoader(Floor).Load(_content.Root, day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    [Fact]
    public void AJobPayingBelowTheNationalLivingWageInForceIsRejectedOnItsPayLine()
    {
        _content.Write("careers/roles/care-worker.md", Role("care-worker", 12.21m));

        var error = Assert.Single(Assert.Throws<ContentValidationException>(() => LoadOn(new DateOnly(2026, 12, 5))).Errors);

        Assert.Equal(("careers/roles/care-worker.md", 9), (error.File, error.Line));
        Assert.Equal("'pay.hourly-from' is 12.21, below the National Living Wage of 12.71 an hour in force since 2026-04-01; a job must pay at least that to anyone aged 21 or over (the rates are the Talent:MinimumWage setting)", error.Message);
    }

    [Fact]
    public void TheFloorIsTheOneInForceOnTheDayTheContentLoads()
    {
        _content.Write("careers/roles/care-worker.md", Role("care-worker", 12.21m));

        Assert.Equal(12.21m, LoadOn(new DateOnly(2026, 3, 31)).Roles["care-worker"].Pay!.HourlyFrom);
        Assert.Throws<ContentValidationException>(() => LoadOn(new DateOnly(2026, 4, 1)));
        _content.Write("careers/roles/care-worker.md", Role("care-worker", 12.71m));
        Assert.Equal(12.71m, LoadOn(new DateOnly(2026, 4, 1)).Roles["care-worker"].Pay!.HourlyFrom);
    }

    [Fact]
    public void ADelegatedActivityListMustNotIncludeAnOrdinaryCareTask()
    {
        _content.Module("duty-of-care");
        _content.Write("competencies/insulin.md", Competency("delegated-healthcare-activity"));
        _content.Write("competencies/medication-support.md", Competency("care-task"));
        _content.Write("careers/programmes/dha.md", Programme("delegated-activities: [insulin, medication-support]\n"));

        var error = _content.SingleError();

        Assert.Equal(("careers/programmes/dha.md", 10), (error.File, error.Line));
        Assert.Equal("'medication-support' is an ordinary care task (competencies/medication-support.md says 'kind: care-task'), not a delegated healthcare activity; remove it from 'delegated-activities'", error.Message);
    }

    [Fact]
    public void ACompetencySaysWhichKindItIs()
    {
        _content.Module("duty-of-care");
        _content.Write("competencies/insulin.md", Competency("delegated-healthcare-activity"));
        Assert.True(_content.Load().Competencies["insulin"].IsDelegatedHealthcareActivity);

        _content.Write("competencies/insulin.md", Competency("nursing"));
        Assert.Contains("'kind' must be one of delegated-healthcare-activity, care-task", _content.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProgrammeNeedsItsFundingEntryRequirementsAndWhatComesAfter()
    {
        _content.Write("careers/programmes/p.md", Programme().Replace(TempContent.ProgrammeFacts, "", StringComparison.Ordinal));

        var messages = _content.Errors().Select(e => e.Message).ToList();

        Assert.Contains("'funding' is missing", messages);
        Assert.Contains(messages, m => m.StartsWith("'entry-requirements' is missing or empty", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("'after' is missing or empty", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIncludedProgrammeMustExist()
    {
        _content.Write("careers/programmes/apprenticeship.md", Programme("includes: [diploma]\n"));

        var error = _content.SingleError();

        Assert.Equal(10, error.Line);
        Assert.StartsWith("there is no programme 'diploma' in careers/programmes/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistrationGainedByAStepIsNotNeededToStartTheNext()
    {
        foreach (var role in new[] { "support-worker", "nursing-associate", "registered-nurse" })
            _content.Write($"careers/roles/{role}.md", Role(role, 13m));
        _content.Write("careers/routes/nursing.md",
            $"---\ntitle: Nursing\nsummary: Up.\nsteps:\n  - from: support-worker\n    to: nursing-associate\n    months: 24\n    gains: [nmc-registration]\n  - from: nursing-associate\n    to: registered-nurse\n    months: 24\n    checks: [nmc-registration]\n{TempContent.Provenance}---\nText.\n");

        var set = _content.Load();
        var gaps = set.Planner.Gaps(set.Planner.Plan("support-worker", "registered-nurse", 1).Shortest!, LearnerHoldings.None);

        Assert.Equal(["nmc-registration"], set.Routes["nursing"].Steps[0].Gains);
        Assert.Equal(RequirementStatus.MetAlongRoute, Assert.Single(gaps.Steps[1].Requirements).Status);
    }

    [Fact]
    public void AStepCannotNeedWhatItGains()
    {
        foreach (var role in new[] { "nursing-associate", "registered-nurse" })
            _content.Write($"careers/roles/{role}.md", Role(role, 13m));
        _content.Write("careers/routes/nursing.md",
            $"---\ntitle: Nursing\nsummary: Up.\nsteps:\n  - from: nursing-associate\n    to: registered-nurse\n    months: 24\n    checks: [nmc-registration]\n    gains: [nmc-registration]\n{TempContent.Provenance}---\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(9, error.Line);
        Assert.StartsWith("'nmc-registration' is both needed to start this step ('checks') and gained by it ('gains')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProgrammeThatIncludesAnotherCountsAsHoldingItAlongTheRoute()
    {
        foreach (var role in new[] { "senior", "lead", "team-leader" })
            _content.Write($"careers/roles/{role}.md", Role(role, 13m));
        _content.Write("careers/programmes/diploma.md", Programme());
        _content.Write("careers/programmes/apprenticeship.md", Programme("includes: [diploma]\n"));
        _content.Write("careers/routes/ladder.md",
            $"---\ntitle: Ladder\nsummary: Up.\nsteps:\n  - from: senior\n    to: lead\n    months: 18\n    programmes: [apprenticeship]\n  - from: lead\n    to: team-leader\n    months: 12\n    programmes: [diploma]\n{TempContent.Provenance}---\nText.\n");

        var set = _content.Load();
        var route = set.Planner.Plan("senior", "team-leader", 1).Shortest!;

        Assert.Equal(RequirementStatus.MetAlongRoute, Assert.Single(set.Planner.Gaps(route, LearnerHoldings.None).Steps[1].Requirements).Status);
        var holdsApprenticeship = new LearnerHoldings { Programmes = ["apprenticeship"] };
        Assert.Equal(RequirementStatus.Met, Assert.Single(set.Planner.Gaps(set.Planner.Plan("lead", "team-leader", 1).Shortest!, holdsApprenticeship).Steps[0].Requirements).Status);
    }
}
