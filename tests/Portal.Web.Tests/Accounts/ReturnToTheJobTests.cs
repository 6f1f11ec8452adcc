using System.Net;
using System.Text.RegularExpressions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>Someone who signs up from a page lands back on it after confirming and signing in, and the thanks is said once.</summary>
public sealed partial class ReturnToTheJobTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private const string Password = "long enough passphrase";

    [Fact]
    public async Task RegisterConfirmAndSignInLandBackOnThePageThePersonCameFrom()
    {
        const string comeFrom = "/careers/roles/care-worker";
        var email = $"returning.{Guid.NewGuid():N}@example.com";
        var browser = app.CreateBrowser();

        var form = await browser.GetPageAsync($"/Identity/Account/Register?returnUrl={Uri.EscapeDataString(comeFrom)}");
        var registered = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Sam Taylor",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        await app.DeliverMailAsync();
        var mail = Assert.Single(app.MailTo(email));
        var link = WebUtility.HtmlDecode(ConfirmLink().Match(mail.TextBody ?? mail.HtmlBody ?? "").Value);

        var confirmed = await browser.GetPageAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Thank you for confirming your email", confirmed.Text("main"), StringComparison.Ordinal);
        var signInLink = confirmed.QuerySelectorAll("main a").First(a => a.TextContent.Trim() == "Sign in").GetAttribute("href")!;
        var signInPage = await browser.GetPageAsync(signInLink);
        var signedIn = await browser.SubmitAsync(signInPage, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(comeFrom, signedIn.Headers.Location!.OriginalString);
        // The thanks belonged to the confirmation page; it does not come back on later pages.
        Assert.DoesNotContain("Thank you for confirming", (await browser.GetPageAsync(comeFrom)).Text("body"), StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you for confirming", (await browser.GetPageAsync("/applications")).Text("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenConfirmationLinkSaysSoAndOffersSignIn()
    {
        var page = await app.CreateBrowser().GetPageAsync("/Identity/Account/ConfirmEmail?userId=nobody&code=abc");

        Assert.Equal("This link did not work", page.Text("h1"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.TextContent.Trim() == "Sign in");
    }

    [GeneratedRegex(@"https?://[^\s)'""<>]+/Identity/Account/ConfirmEmail[^\s)'""<>]+")]
    private static partial Regex ConfirmLink();
}
