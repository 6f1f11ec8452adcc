using Portal.Domain.Insight;

namespace Portal.Domain.Tests.Insight;

public sealed class ReferenceFigureTests
{
    [Fact]
    public void AFigureWithAGroupAShareASourceAndAPastYearIsAccepted()
    {
        Assert.Empty(ReferenceFigure.Problems("ethnicity", "black-african", 2.6m, "ONS Census 2021, Leeds", 2021, 2026));
        Assert.Empty(ReferenceFigure.Problems("sex", "female", 0m, "ONS", 2026, 2026));
        Assert.Empty(ReferenceFigure.Problems("sex", "female", 100m, "ONS", 2026, 2026));
    }

    [Theory]
    [InlineData("ethnicity", "martian", 2.6, "ONS", 2021, "Category")]
    [InlineData("shoe-size", "large", 2.6, "ONS", 2021, "Category")]
    [InlineData("ethnicity", "prefer-not-to-say", 2.6, "ONS", 2021, "Category")]
    [InlineData("ethnicity", "black-african", -0.1, "ONS", 2021, "Share")]
    [InlineData("ethnicity", "black-african", 100.1, "ONS", 2021, "Share")]
    [InlineData("ethnicity", "black-african", 2.6, "  ", 2021, "Source")]
    [InlineData("ethnicity", "black-african", 2.6, "ONS", 2027, "Year")]
    [InlineData("ethnicity", "black-african", 2.6, "ONS", 1989, "Year")]
    public void AFigureThatCannotBeRightIsRefusedNamingTheField(string characteristic, string category, double share, string source, int year, string field)
    {
        var problems = ReferenceFigure.Problems(characteristic, category, (decimal)share, source, year, 2026);

        Assert.Equal([field], problems.Select(p => p.Field));
        Assert.Throws<ArgumentException>(() => ReferenceFigure.Create(characteristic, category, (decimal)share, source, year, 2026, "analyst", DateTime.UtcNow));
    }

    [Fact]
    public void AMissingShareOrYearIsRefused() =>
        Assert.Equal(["Share", "Year"], ReferenceFigure.Problems("sex", "male", null, "ONS", null, 2026).Select(p => p.Field));
}
