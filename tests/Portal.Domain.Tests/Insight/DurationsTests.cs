using Portal.Domain.Insight;

namespace Portal.Domain.Tests.Insight;

public sealed class DurationsTests
{
    private static KeyValuePair<int, int> Days(int days, int count) => new(days, count);

    [Fact]
    public void TheMedianOfAnOddNumberIsTheMiddleOne() =>
        Assert.Equal(12, Durations.Median([Days(30, 1), Days(5, 2), Days(12, 1), Days(40, 1)]));

    [Fact]
    public void TheMedianOfAnEvenNumberIsHalfwayBetweenTheMiddleTwo() =>
        Assert.Equal(10.5, Durations.Median([Days(3, 2), Days(10, 1), Days(11, 1), Days(60, 2)]));

    [Fact]
    public void MonthsAddedTogetherGiveTheMedianOfAllOfThem() =>
        Assert.Equal(20, Durations.Median([Days(10, 2), Days(20, 1), Days(10, 0), Days(20, 1), Days(90, 2), Days(20, 1)]));

    [Fact]
    public void FewerThanFiveGiveNoMedian()
    {
        Assert.Null(Durations.Median([Days(14, 4)]));
        Assert.Null(Durations.Median([]));
    }
}
