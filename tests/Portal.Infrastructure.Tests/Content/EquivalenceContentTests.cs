using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>The passport's equivalence table is content: read from passport/equivalences.yml and checked like everything else.</summary>
public sealed class EquivalenceContentTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void AnUnknownModuleIsReportedOnItsLine()
    {
        _content.Module("fire-safety").Write(EquivalenceParser.File, "# Which achievements count\nequivalences:\n  - module: fire-safety\n    care-certificate-standards: [13]\n  - module: no-such-module\n    care-certificate-standards: [3]\n");

        var error = _content.SingleError();

        Assert.Equal(("passport/equivalences.yml", 5), (error.File, error.Line));
        Assert.Contains("there is no training module 'no-such-module'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStandardThatDoesNotExistAndAnIdListedTwiceAreEachReportedOnTheirLine()
    {
        _content.Module("fire-safety").Write(EquivalenceParser.File,
            "equivalences:\n  - module: fire-safety\n    care-certificate-standards: [17]\n    achievement-ids:\n      - https://a.example/x\n      - https://a.example/x\n");

        var errors = _content.Errors();

        Assert.Equal([3, 6], errors.Select(e => e.Line));
        Assert.Contains("'17' is not a Care Certificate standard", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("already listed on line 5", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenYamlNamesTheFileAndLine()
    {
        _content.Module("fire-safety").Write(EquivalenceParser.File, "equivalences:\n  - module: fire-safety\n    care-certificate-standards: [13\n");

        var error = _content.SingleError();

        Assert.Equal("passport/equivalences.yml", error.File);
        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedTableMapsAlignmentsToModules()
    {
        var store = Portal.Tests.Common.ShippedContent.Store;

        Assert.Equal("basic-life-support-awareness", store.Current.Equivalences.ModuleFor("https://elsewhere.example/bls", [12]));
    }
}
