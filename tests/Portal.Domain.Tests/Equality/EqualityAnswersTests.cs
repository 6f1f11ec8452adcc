using Portal.Domain.Equality;

namespace Portal.Domain.Tests.Equality;

public sealed class EqualityAnswersTests
{
    [Fact]
    public void EveryQuestionOffersPreferNotToSay() =>
        Assert.All(EqualityQuestions.All, q => Assert.Contains(q.Options, o => o.Code == EqualityQuestions.PreferNotToSay));

    [Fact]
    public void EthnicityHasTheNineteenCensusCategoriesForEngland() =>
        Assert.Equal(19, EqualityQuestions.Ethnicity.Options.Count(o => o.Code != EqualityQuestions.PreferNotToSay));

    [Fact]
    public void CodesAreUniqueWithinAQuestionAndFitTheColumn() =>
        Assert.All(EqualityQuestions.All, q =>
        {
            Assert.Equal(q.Options.Count, q.Options.Select(o => o.Code).Distinct().Count());
            Assert.All(q.Options, o => Assert.InRange(o.Code.Length, 1, EqualityQuestions.MaxCodeLength));
        });

    [Fact]
    public void AnswersAreSavedAndABlankLeavesAQuestionUnanswered()
    {
        var answers = EqualityAnswers.For("person");
        answers.Change(new Dictionary<string, string?> { ["ethnicity"] = "black-caribbean", ["religion"] = EqualityQuestions.PreferNotToSay, ["sex"] = "" }, DateTime.UtcNow);
        Assert.Equal("black-caribbean", answers.Ethnicity);
        Assert.Equal(EqualityQuestions.PreferNotToSay, answers.Religion);
        Assert.Null(answers.Sex);
    }

    [Fact]
    public void AnAnswerAQuestionDoesNotOfferIsRefusedAndNothingChanges()
    {
        var answers = EqualityAnswers.For("person");
        answers.Change(new Dictionary<string, string?> { ["sex"] = "female" }, DateTime.UtcNow);
        var refused = Assert.Throws<ArgumentException>(() => answers.Change(new Dictionary<string, string?> { ["sex"] = "male", ["religion"] = "jedi" }, DateTime.UtcNow));
        Assert.Equal("religion", refused.ParamName);
        Assert.Equal("female", answers.Sex);
    }
}
