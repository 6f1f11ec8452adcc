using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Content;

public sealed class ShippedContentTests
{
    private static readonly string ContentFolder = Path.Combine(TestEnvironment.RepositoryRoot(), "content");

    /// <summary>The day the shipped facts were last checked; loading on it applies the pay floor then in force.</summary>
    private static readonly DateTime Reviewed = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    private static ContentSet LoadAsShipped() =>
        new ContentLoader(new TalentOptions().LegalMinimumWage(), new OperatorDetails
        {
            Name = "Example Health and Care Academy",
            Email = "portal@example.org",
            Address = "1 Example Street, Leeds",
            PrivacyContact = "privacy@example.org",
            Retention = "We keep it while your account is open.",
        }).Load(ContentFolder, Reviewed);

    [Fact]
    public void ShippedContentLoadsWithoutErrorsOrWarningsWithTheDefaultPayFloor()
    {
        var set = LoadAsShipped();

        Assert.NotEmpty(set.Pages);
        Assert.Empty(set.Warnings);
    }

    [Fact]
    public void EveryShippedJobPaysAtLeastTheNationalLivingWageInForce()
    {
        var floor = new TalentOptions().LegalMinimumWage().InForceOn(DateOnly.FromDateTime(Reviewed))!;

        Assert.All(LoadAsShipped().Roles.Values.Where(r => r.Pay is not null), role =>
            Assert.True(role.Pay!.HourlyFrom >= floor.Age21AndOver, $"{role.Slug} pays from {role.Pay.HourlyFrom}"));
    }

    [Fact]
    public void EveryShippedFactFileNamesItsSourcesAndWhenItWasChecked()
    {
        var set = LoadAsShipped();
        IEnumerable<(string File, Provenance Provenance)> files =
        [
            .. set.Roles.Values.Select(r => (r.SourceFile, r.Provenance)),
            .. set.Programmes.Values.Select(p => (p.SourceFile, p.Provenance)),
            .. set.Routes.Values.Select(r => (r.SourceFile, r.Provenance)),
            .. set.Modules.Values.Select(m => (m.SourceFile, m.Provenance)),
            .. set.Competencies.Values.Select(c => (c.SourceFile, c.Provenance)),
        ];

        Assert.All(files, f =>
        {
            Assert.NotEmpty(f.Provenance.Sources);
            Assert.True(f.Provenance.Reviewed > new DateOnly(2026, 1, 1), $"{f.File} was last checked on {f.Provenance.Reviewed}");
        });
    }

    [Fact]
    public void ShippedContentHasTheFourInfoPages()
    {
        var set = new ContentLoader().Load(ContentFolder, DateTime.UnixEpoch);

        Assert.Equal(["about", "accessibility", "cookies", "privacy"], set.Pages.Keys.Order(StringComparer.Ordinal));
        Assert.All(set.Pages.Values, page => Assert.Contains("<h2", page.Html, StringComparison.Ordinal));
    }

    [Fact]
    public void DotnetRunFromPortalWebFindsTheShippedContent()
    {
        var root = ContentStore.FindRoot(configuredPath: null, contentRootPath: Path.Combine(TestEnvironment.RepositoryRoot(), "Portal.Web"));

        Assert.Equal(ContentFolder, root);
    }

    [Fact]
    public void ShippedModulesCoverTheCareCertificateAndEnhancedCareWorkerTopics()
    {
        var modules = new ContentLoader().Load(ContentFolder, DateTime.UnixEpoch).Modules;

        Assert.True(modules.Count >= 16, $"{modules.Count} modules");
        var standards = modules.Values.SelectMany(m => m.CareCertificateStandards).ToHashSet();
        Assert.Superset(new HashSet<int> { 3, 5, 6, 7, 8, 10, 12, 14, 15, 16 }, standards);
        Assert.Superset(
            new HashSet<string> { "delegated-healthcare-activities", "recognising-deterioration", "pressure-area-care", "enabling-and-reablement", "trusted-assessor-basics" },
            modules.Keys.ToHashSet());
        Assert.All(modules.Values, m => Assert.InRange(m.Quiz.Questions.Count, 3, 6));
    }
}
