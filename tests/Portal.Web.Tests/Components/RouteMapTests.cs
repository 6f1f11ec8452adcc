using Bunit;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Content;
using Portal.Web.Components;

namespace Portal.Web.Tests.Components;

/// <summary>The route map as a component: every role a link, every step an arrow, and a picture a screen reader can name.</summary>
public sealed class RouteMapTests : IDisposable
{
    private readonly BunitContext _context = new();

    private static readonly CareerRole[] Roles =
    [
        Role("new-to-care", "New to care", 0),
        Role("care-worker", "Care worker", 2),
        Role("healthcare-support-worker", "Healthcare support worker", 2, "nhs"),
        Role("senior-care-worker", "Senior care worker", 3),
    ];

    private static readonly RouteStep[] Steps =
    [
        new("new-to-care", "care-worker", 3),
        new("care-worker", "senior-care-worker", 12),
        new("care-worker", "healthcare-support-worker", 3),
    ];

    public void Dispose() => _context.Dispose();

    private IRenderedComponent<RouteMap> Render(IReadOnlyList<RouteStep>? steps = null) =>
        _context.Render<RouteMap>(parameters => parameters
            .Add(p => p.Roles, Roles)
            .Add(p => p.Steps, steps ?? Steps)
            .Add(p => p.RoleHref, slug => $"/careers/roles/{slug}"));

    [Fact]
    public void EveryRoleIsALinkToItsPage()
    {
        var map = Render();

        var links = map.FindAll("a.route-map__node").Select(a => a.GetAttribute("href")).Order().ToList();

        Assert.Equal(Roles.Select(r => $"/careers/roles/{r.Slug}").Order(), links);
        Assert.Contains(map.FindAll("a.route-map__node text"), t => t.TextContent == "Healthcare support worker");
    }

    [Fact]
    public void EveryStepIsOneArrowFromItsRoleToTheNext()
    {
        var map = Render();

        var arrows = map.FindAll("path.route-map__edge").Select(p => (p.GetAttribute("data-from"), p.GetAttribute("data-to"))).Order().ToList();

        Assert.Equal(Steps.Select(s => ((string?)s.From, (string?)s.To)).Order(), arrows);
        Assert.All(map.FindAll("path.route-map__edge"), p => Assert.Equal("url(#route-map-arrow)", p.GetAttribute("marker-end")));
    }

    [Fact]
    public void RolesStandInColumnsByLevelFromStartingPointsRightwards()
    {
        var map = Render();

        double X(string slug) => double.Parse(map.Find($"a[data-role={slug}] rect").GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(X("new-to-care") < X("care-worker"));
        Assert.Equal(X("care-worker"), X("healthcare-support-worker"));
        Assert.True(X("care-worker") < X("senior-care-worker"));
        Assert.Equal(["Starting points", "Level 2", "Level 3"], map.FindAll("text.route-map__level").Select(t => t.TextContent));
    }

    [Fact]
    public void ThePictureHasANameAndADescriptionThatCountsWhatItShows()
    {
        var map = Render();

        var svg = map.Find("svg");
        // A group, not an image: an image's children (the links) would be hidden from assistive technology.
        Assert.Equal("group", svg.GetAttribute("role"));
        Assert.Equal("route-map-title", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("route-map-desc", svg.GetAttribute("aria-describedby"));
        Assert.Equal("Map of career routes", map.Find("#route-map-title").TextContent);
        Assert.Contains("4 roles", map.Find("#route-map-desc").TextContent, StringComparison.Ordinal);
        Assert.Contains("3 arrows", map.Find("#route-map-desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AStepNamingARoleNotOnTheMapDrawsNoArrow()
    {
        var map = Render([.. Steps, new RouteStep("care-worker", "astronaut", 1)]);

        Assert.Equal(Steps.Length, map.FindAll("path.route-map__edge").Count);
    }

    private static CareerRole Role(string slug, string title, int level, string sector = "social-care") =>
        new(slug, title, "Summary.", sector, ["home"], level, level == 0, true, null, null, [], [], "", "v1", $"careers/roles/{slug}.md")
        {
            Provenance = new(new DateOnly(2026, 12, 5), [new("A source", new Uri("https://example.org/source"))]),
        };
}
