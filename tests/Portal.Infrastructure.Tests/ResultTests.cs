namespace Portal.Infrastructure.Tests;

public sealed class ResultTests
{
    [Fact]
    public void AProblemBecomesAnInvalidResultWithItsFieldAndMessage()
    {
        Result<int> result = new FieldProblem("Postcode", "Enter a Leeds postcode");

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal(new FieldProblem("Postcode", "Enter a Leeds postcode"), result.Problem);
        Assert.False(result.IsDone);
    }

    [Fact]
    public void NotFoundAndInvalidKeepTheirOutcomeWhenAValueTypeIsExpected()
    {
        Result<string> notFound = Result.NotFound();
        Result<string> invalid = Result.Invalid("Name", "Enter a name");

        Assert.Equal(Outcome.NotFound, notFound.Outcome);
        Assert.Null(notFound.Value);
        Assert.Equal("Name", invalid.Problem!.Field);
    }

    [Fact]
    public void ADoneResultCarriesItsValueAndDropsItOnRequest()
    {
        var result = Result.Done(42);

        Assert.True(result.IsDone);
        Assert.Equal(42, result.Value);
        Assert.Equal(Result.Done(), result.WithoutValue());
    }

    [Fact]
    public void ADoneResultWithoutItsValueCannotPassAsOneWithAValue()
    {
        Assert.Throws<InvalidOperationException>(() => (Result<int>)Result.Done());
    }
}
