using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Portal.Web.Tests.Support;

/// <summary>Reads pages and submits their forms as a browser without JavaScript would, antiforgery token included.</summary>
public static class Forms
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>Fills the named fields of the page's form (the first with a submit button unless a selector is given) and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IDocument page, IDictionary<string, string> fields, string formSelector = "main form[method=post]", string? submitButton = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form matches {formSelector}.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || input.Type is "submit" or "button")
                continue;
            if (input.Type is "checkbox" or "radio")
            {
                if (fields.TryGetValue(input.Name, out var chosen) ? chosen == input.Value : input.IsChecked)
                    values.Add(new(input.Name, input.Value));
                continue;
            }

            values.Add(new(input.Name, fields.TryGetValue(input.Name, out var value) ? value : input.Value));
        }

        foreach (var (name, value) in fields)
        {
            if (values.All(v => v.Key != name) && form.Elements.OfType<IHtmlInputElement>().All(i => i.Name != name))
                values.Add(new(name, value));
        }

        // A button with its own formaction (a page handler on the button) posts there instead.
        var target = submitButton is null ? form.GetAttribute("action") : form.QuerySelector(submitButton)?.GetAttribute("formaction") ?? throw new InvalidOperationException($"No button {submitButton} with a formaction.");
        var action = string.IsNullOrEmpty(target) ? page.Url : new Uri(new Uri(page.Url), target).ToString();
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts exactly these values (repeated names allowed, as ticked boxes send them) plus the form's
    /// hidden inputs, such as its antiforgery token, to the form's action.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IDocument page, string formSelector, IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form matches {formSelector}.");
        var posted = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).Concat(values).ToList();
        var target = form.GetAttribute("action");
        var action = string.IsNullOrEmpty(target) ? page.Url : new Uri(new Uri(page.Url), target).ToString();
        return await client.PostAsync(action, new FormUrlEncodedContent(posted));
    }

    public static string Text(this IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches {selector}.");
}
