using Portal.Domain.Names;
using Portal.Domain.Organisations;

namespace Portal.Domain.Tests.Names;

public sealed class ShownNamesTests
{
    [Theory]
    [InlineData("Ann Lee\nApproved by the CQC", "must be on one line")]
    [InlineData("Ann Lee\r\nBcc: everyone", "must be on one line")]
    [InlineData("Ann Lee\u2028Admin", "must be on one line")]
    [InlineData("Sunrise Care \u202Eetacifitrec", "changes the direction of text")]
    [InlineData("\u2066Sunrise\u2069 Care", "changes the direction of text")]
    [InlineData("Ann\u200FLee", "changes the direction of text")]
    [InlineData("Ann\u0007Lee", "cannot be shown")]
    [InlineData("\u200B\u200C\u200D", "must have letters or numbers in it")]
    [InlineData("\uFEFF\u2060", "must have letters or numbers in it")]
    [InlineData("\u3164\u3164", "must have letters or numbers in it")]
    [InlineData("...", "must have letters or numbers in it")]
    public void NamesThatHideOrForgeTextAreRefusedWithAReason(string name, string reason)
    {
        var problem = ShownNames.Problem(name, "Your name");

        Assert.NotNull(problem);
        Assert.StartsWith("Your name ", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Siobhán O'Neill-Murphy")]
    [InlineData("محمد\u200Cرضا")]
    [InlineData("शिव\u200Dानी")]
    [InlineData("李小龍")]
    [InlineData("St Mary's Hospice (Leeds) 2")]
    public void RealNamesInAnyScriptAreAccepted(string name) =>
        Assert.Null(ShownNames.Problem(name, "Your name"));

    [Fact]
    public void AnOrganisationCannotBeMadeWithALineBreakInItsName() =>
        Assert.Throws<ArgumentException>(() => Organisation.Create("Sunrise Care\nLtd", OrganisationType.CareProvider, null, "LS1 1AA", DateTime.UnixEpoch));
}
