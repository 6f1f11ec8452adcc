using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;

namespace Portal.Browser.Tests.Navigation;

/// <summary>
/// Someone who cannot find their own way in asks for help from their home page on a phone; the demo
/// navigator takes them from the hub's queue and agrees a first step, a module; they see it at once
/// on their home page. Axe-core on every page either of them reaches.
/// </summary>
[Collection(DemoPortal.Name)]
public sealed class NavigationJourneyTests(DemoBrowserFixture portal)
{
    private const string DemoPassword = "Portal-demo-2026";

    [Fact]
    public async Task APersonAsksForHelpTheNavigatorTakesThemAndAddsAModuleTheyThenSeeOnTheirHomePage()
    {
        const string name = "Precious Mensah";
        var email = $"precious.{Guid.NewGuid():N}@example.com";
        var person = await portal.NewPhonePageAsync();
        await AccountSteps.SignUpAndConfirmAsync(person, email, name);
        await AccountSteps.SignInAsync(person, email);

        await person.GotoAsync("/");
        await person.GetByRole(AriaRole.Link, new() { Name = "I'd like someone to help me find work in care" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Get help to find work in care", Level = 1 })).ToBeVisibleAsync();
        await person.AssertNoSeriousIssuesAsync();
        await person.GetByLabel("What would you like help with?").FillAsync("I have cared for my nan for years. I would like to do it as a job.");
        await person.GetByLabel("Text message").CheckAsync();
        await person.GetByLabel("Phone number (for a call or a text)").FillAsync("07700 900987");
        // No consent, no record: the form says so and keeps what was typed.
        await person.GetByRole(AriaRole.Button, new() { Name = "Ask for help" }).ClickAsync();
        await Assertions.Expect(person.GetByText("Tick the box to agree")).ToBeVisibleAsync();
        await person.AssertNoSeriousIssuesAsync();
        await person.GetByLabel("I agree to the hub keeping this record to help me").CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Ask for help" }).ClickAsync();
        await Assertions.Expect(person.GetByText("Your request has gone to the hub")).ToBeVisibleAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Your plan with Demo Talent Hub", Level = 1 })).ToBeVisibleAsync();
        await person.AssertNoSeriousIssuesAsync();

        var navigator = await portal.NewPhonePageAsync();
        await navigator.GotoAsync("/");
        await navigator.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await navigator.GetByLabel("Email address").FillAsync("navigator@demo.portal.test");
        await navigator.GetByLabel("Password").FillAsync(DemoPassword);
        await navigator.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await navigator.GetByLabel("Authenticator code").FillAsync(Portal.Tests.Common.Totp.Code(Portal.Web.Accounts.DemoAuthenticator.Key, DateTimeOffset.UtcNow));
        await navigator.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await navigator.GetByRole(AriaRole.Link, new() { Name = "Your caseload and new requests" }).ClickAsync();
        await Assertions.Expect(navigator.GetByRole(AriaRole.Heading, new() { Name = "Your caseload", Level = 1 })).ToBeVisibleAsync();
        await navigator.AssertNoSeriousIssuesAsync();
        await navigator.GetByRole(AriaRole.Button, new() { Name = $"Take – {name}" }).ClickAsync();
        await Assertions.Expect(navigator.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(navigator.GetByText("They are on your caseload now")).ToBeVisibleAsync();
        await navigator.AssertNoSeriousIssuesAsync();

        // Without JavaScript the step form is a closed disclosure: open it, as a person would.
        await navigator.GetByText("Add a step").ClickAsync();
        await navigator.GetByLabel("Kind of step").SelectOptionAsync(new SelectOptionValue { Label = "Learning module" });
        await navigator.GetByLabel("Module (for a learning module step)").SelectOptionAsync(new SelectOptionValue { Label = "Duty of care" });
        await navigator.GetByLabel("Due by (optional)").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await navigator.AssertNoSeriousIssuesAsync();
        await navigator.GetByRole(AriaRole.Button, new() { Name = "Add the step" }).ClickAsync();
        await Assertions.Expect(navigator.GetByText("Step added to their plan")).ToBeVisibleAsync();
        await Assertions.Expect(navigator.Locator(".plan-steps")).ToContainTextAsync("Learning module: Duty of care");

        await person.GotoAsync("/");
        var plan = person.Locator(".your-plan");
        await Assertions.Expect(plan).ToContainTextAsync("Your navigator is Nadia Navigator");
        await Assertions.Expect(plan.GetByRole(AriaRole.Link, new() { Name = "Duty of care" })).ToBeVisibleAsync();
        await Assertions.Expect(plan).ToContainTextAsync(new Regex("by \\d{1,2} [A-Z][a-z]+ \\d{4}"));
        await person.AssertNoSeriousIssuesAsync();
    }
}
