namespace Portal.Infrastructure.Tests.Content;

/// <summary>The job search's everyday words are content: read from search/, checked like everything else.</summary>
public sealed class SearchWordsContentTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void ALineWithoutAlternativesIsReportedOnItsLine()
    {
        _content.Write("search/synonyms.md", "---\ntitle: Words\n---\nWhat people type.\n\n- carer: care worker\n- hca\n");

        var error = _content.SingleError();

        Assert.Equal(("search/synonyms.md", 7), (error.File, error.Line));
        Assert.Contains("'- word or phrase: alternative, alternative'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWordListedTwiceNamesTheFirstLine()
    {
        _content.Write("search/synonyms.md", "---\ntitle: Words\n---\n- carer: care worker\n- Carer: support worker\n");

        var error = _content.SingleError();

        Assert.Equal(("search/synonyms.md", 5), (error.File, error.Line));
        Assert.Contains("already listed at search/synonyms.md:4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedListExpandsEverydayWords()
    {
        var words = Portal.Tests.Common.ShippedContent.Store.Current.SearchWords;

        var terms = words.Terms(["part", "time", "hca"]);

        Assert.Equal(2, terms.Count);
        Assert.Contains(terms[0], way => way.SequenceEqual(["hours"]));
        Assert.Contains(terms[1], way => way.SequenceEqual(["healthcare", "assistant"]));
    }
}
