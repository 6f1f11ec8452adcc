using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Navigation;

/// <summary>A talent hub, its navigators and the people who ask it for help, made through the real pages.</summary>
public static class NavigationSteps
{
    public sealed record Hub(Guid Id, string Name, HttpClient Navigator, string NavigatorEmail);

    public sealed record Person(HttpClient Browser, string Email, string Id, string Name);

    /// <summary>The admin adds a council hub and makes a new account its navigator, who signs in with two factors.</summary>
    public static async Task<Hub> HubAsync(this PortalWebFactory app, HttpClient admin, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var created = await admin.AddOrganisationAsync(name, "Council", "LS9 7TF");
        var url = created.Headers.Location!.OriginalString;
        var (navigator, email) = await app.NavigatorOfAsync(admin, url, $"Nia {Guid.NewGuid():N}"[..12]);
        return new Hub(Guid.Parse(url.Split('/')[^1]), name, navigator, email);
    }

    /// <summary>Another navigator at the organisation whose admin page is <paramref name="organisationUrl"/>.</summary>
    public static async Task<(HttpClient Browser, string Email)> NavigatorOfAsync(this PortalWebFactory app, HttpClient admin, string organisationUrl, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"navigator.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        await app.NameAsync(email, name);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetPageAsync(organisationUrl),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Navigator" })).StatusCode);
        var navigator = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInWithTwoFactorAsync(navigator, email)).StatusCode);
        return (navigator, email);
    }

    public static Task NameAsync(this PortalWebFactory app, string email, string name) =>
        app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            user.DisplayName = name;
            return (await users.UpdateAsync(user)).Succeeded;
        });

    /// <summary>A signed-in person (password only, as anyone who is not staff) with their own name.</summary>
    public static async Task<Person> PersonAsync(this PortalWebFactory app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"person.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);
        await app.NameAsync(email, name);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        return new Person(browser, email, user.Id, name);
    }

    /// <summary>Fills in "get help" as a person would.</summary>
    public static async Task<HttpResponseMessage> AskAsync(this Person person, Guid hub, bool consent = true, string helpWith = "I cared for my mum for years and want to be a care worker.")
    {
        ArgumentNullException.ThrowIfNull(person);
        return await person.Browser.SubmitAsync(await person.Browser.GetPageAsync("/help-finding-work"), new Dictionary<string, string>
        {
            ["Input.Hub"] = hub.ToString(),
            ["Input.HelpWith"] = helpWith,
            ["Input.ContactBy"] = "Phone",
            ["Input.Phone"] = "07700 900123",
            ["Input.ContactTimes"] = "Weekday mornings",
            ["Input.Consent"] = consent ? "true" : "no",
        });
    }

    public static async Task<Guid?> CaseIdAsync(this PortalWebFactory app, string userId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<NavigationCase>()
            .Where(c => c.UserId == userId).OrderByDescending(c => c.OpenedAtUtc).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
    }

    /// <summary>The person asks the hub, and the hub's navigator takes them from the queue on /navigate.</summary>
    public static async Task<Guid> TakenAsync(this PortalWebFactory app, Hub hub, Person person)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(person);
        Assert.Equal(HttpStatusCode.Redirect, (await person.AskAsync(hub.Id)).StatusCode);
        var id = (await app.CaseIdAsync(person.Id))!.Value;
        var taken = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync("/navigate"), new Dictionary<string, string>(), $"form[action*='{id}']");
        Assert.Equal($"/navigate/people/{id}", taken.Headers.Location!.OriginalString);
        return id;
    }

    /// <summary>The navigator adds a step on the person's page.</summary>
    public static async Task<HttpResponseMessage> AddStepAsync(this HttpClient navigator, Guid caseId, Dictionary<string, string> fields) =>
        await navigator.SubmitAsync(await navigator.GetPageAsync($"/navigate/people/{caseId}"), fields, "form[action$='handler=Step']");

    public static async Task<HttpResponseMessage> AddNoteAsync(this HttpClient navigator, Guid caseId, string text, string how = "Phone") =>
        await navigator.SubmitAsync(await navigator.GetPageAsync($"/navigate/people/{caseId}"),
            new Dictionary<string, string> { ["Note.Text"] = text, ["Note.How"] = how }, "form[action$='handler=Note']");

    /// <summary>Reads every lesson of the module and passes its quiz, as a learner does.</summary>
    public static async Task PassAsync(this PortalWebFactory app, HttpClient browser, string slug)
    {
        ArgumentNullException.ThrowIfNull(app);
        var module = app.Services.GetRequiredService<ContentStore>().Current.Modules[slug];
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(await browser.GetPageAsync($"/learn/{slug}"), new Dictionary<string, string>())).StatusCode);
        foreach (var lesson in module.Lessons)
            await browser.SubmitAsync(await browser.GetPageAsync($"/learn/{slug}/lessons/{lesson.Number}"), new Dictionary<string, string>());
        var quiz = await browser.GetPageAsync($"/learn/{slug}/quiz");
        var form = quiz.QuerySelector<IHtmlFormElement>("form.quiz")!;
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields.AddRange(module.Quiz.Questions.SelectMany(q => q.Answers.Where(a => a.Correct).Select(a => new KeyValuePair<string, string>("answer." + q.Id, a.Id))));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(quiz.Url, new FormUrlEncodedContent(fields))).StatusCode);
    }

    /// <summary>An antiforgery token for the browser's own session, to post a form it was never shown.</summary>
    public static async Task<string> TokenAsync(this HttpClient browser) =>
        (await browser.GetPageAsync("/Identity/Account/Manage/ChangePassword")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
