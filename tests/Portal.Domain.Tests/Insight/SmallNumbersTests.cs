using Portal.Domain.Insight;

namespace Portal.Domain.Tests.Insight;

public sealed class SmallNumbersTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "fewer than 5")]
    [InlineData(4, "fewer than 5")]
    [InlineData(5, "5")]
    [InlineData(7, "5")]
    [InlineData(8, "10")]
    [InlineData(12, "10")]
    [InlineData(13, "15")]
    [InlineData(1234, "1,235")]
    public void CountsAreRoundedToFivesAndSmallOnesHeldBack(int count, string shown) =>
        Assert.Equal(shown, SmallNumbers.Show(count).ToString());

    /// <summary>
    /// The differencing attack: a total of 22 beside a neighbour of 20 would give away a cell of 2.
    /// With every figure rounded, whatever a total and its neighbour show, more than one value of
    /// the small cell between them fits what was published.
    /// </summary>
    [Fact]
    public void SubtractingTwoPublishedFiguresNeverPinsDownASmallCount()
    {
        for (var rest = 0; rest <= 200; rest++)
        {
            for (var hidden = 1; hidden < SmallNumbers.Threshold; hidden++)
            {
                var published = (Total: SmallNumbers.Show(rest + hidden), Neighbour: SmallNumbers.Show(rest));
                var fits = Enumerable.Range(0, 10)
                    .Where(h => Enumerable.Range(0, 211).Any(r => (SmallNumbers.Show(r + h), SmallNumbers.Show(r)) == published))
                    .ToList();
                Assert.True(fits.Count > 1, $"a total of {published.Total} beside {published.Neighbour} gives away {hidden}");
            }
        }
    }

    [Fact]
    public void ANegativeCountIsAMistake() => Assert.Throws<ArgumentOutOfRangeException>(() => SmallNumbers.Show(-1));
}

public sealed class MonthRangeTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Fact]
    public void TheComparisonIsTheSameNumberOfMonthsJustBefore()
    {
        var range = MonthRange.Create(new DateOnly(2026, 3, 14), new DateOnly(2026, 5, 2), Today, out _)!.Value;

        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1), 3), (range.First, range.Last, range.Months));
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 1)), (range.Before.First, range.Before.Last));
        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)], range.Each());
    }

    [Fact]
    public void TwelveMonthsEndWithThisOne()
    {
        var range = MonthRange.TwelveMonthsTo(Today);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1)), (range.First, range.Last));
    }

    [Theory]
    [InlineData("2026-05-01", "2026-03-01", "The first month must be before the last.")]
    [InlineData("2026-11-01", "2027-01-01", "The last month cannot be after this month.")]
    [InlineData("2020-01-01", "2026-12-01", "Choose at most 60 months.")]
    public void ARangeThatMakesNoSenseIsRefusedWithAReason(string from, string to, string problem)
    {
        Assert.Null(MonthRange.Create(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), Today, out var said));
        Assert.Equal(problem, said);
    }
}
