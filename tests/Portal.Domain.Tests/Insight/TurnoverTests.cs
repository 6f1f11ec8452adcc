using Portal.Domain.Insight;

namespace Portal.Domain.Tests.Insight;

public sealed class TurnoverTests
{
    [Fact]
    public void LeaversOverTheAverageHeadcountOfTheYear()
    {
        // 12 leavers (published as 10) over an average of 39.5 -> 40: 25%.
        int[] headcounts = [36, 37, 38, 39, 40, 41, 42, 43, 40, 40, 39, 39];
        Assert.Equal(25, Turnover.Percent(12, headcounts));
    }

    [Fact]
    public void HeldBackLeaversGiveNoShare()
    {
        Assert.Null(Turnover.Percent(3, [100, 100]));
        Assert.Equal(0, Turnover.Percent(0, [100, 100]));
    }

    [Fact]
    public void TooSmallAStaffGivesNoShare()
    {
        Assert.Null(Turnover.Percent(6, [4, 4, 3]));
        Assert.Null(Turnover.Percent(5, []));
    }

    [Fact]
    public void ASharesIsOfThePublishedCounts()
    {
        // 7 of 9 still in post: published as 5 of 10, so 50%, never the 78% the raw counts would give.
        Assert.Equal(50, Turnover.Share(SmallNumbers.Show(7), SmallNumbers.Show(9)));
        Assert.Null(Turnover.Share(SmallNumbers.Show(2), SmallNumbers.Show(9)));
    }
}
