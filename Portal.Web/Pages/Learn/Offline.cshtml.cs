using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Training.Offline;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training.Offline;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Learn;

/// <summary>
/// Modules kept on this phone. The list itself lives on the phone, so the page is a frame the
/// script fills in; its handlers tell the phone what to keep and take what was done offline.
/// </summary>
public sealed class OfflineModel(ContentStore content, KeepList keepList, OfflineSyncService sync) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>What one kept page is called on the phone, and where its copy for keeping comes from.</summary>
    public sealed record KeptPage(string Url, string From);

    /// <summary>Everything the phone needs to keep a module: its pages, and which is which.</summary>
    public sealed record KeptModule(string Slug, string Title, string Version, IReadOnlyList<KeptPage> Pages, IReadOnlyList<string> Lessons, string Quiz, string Waiting);

    public sealed record SyncInput(IReadOnlyList<SyncItemInput>? Items);

    public sealed record SyncItemInput(Guid Key, OfflineItemKind Kind, string? Module, string? Version, int Lesson, DateTimeOffset At, Dictionary<string, string[]>? Answers);

    public void OnGet()
    {
    }

    /// <summary>The pages of one module to keep. Lessons and quiz come in their kept form: nothing in them depends on where the learner is up to.</summary>
    public IActionResult OnGetModule(string slug)
    {
        if (!content.Current.Modules.TryGetValue(slug, out var module))
            return NotFound();
        var lessons = module.Lessons.Select(l => Url.Page("/Learn/Lesson", new { slug, number = l.Number })!).ToList();
        var quiz = Url.Page("/Learn/Quiz", new { slug })!;
        var waiting = Url.Page("/Learn/Waiting", new { slug })!;
        List<KeptPage> pages =
        [
            new(Url.Page("/Learn/Module", new { slug })!, Url.Page("/Learn/Module", new { slug })!),
            .. module.Lessons.Select(l => new KeptPage(lessons[l.Number - 1], Url.Page("/Learn/Lesson", new { slug, number = l.Number, kept = true })!)),
            new(quiz, Url.Page("/Learn/Quiz", new { slug, kept = true })!),
            new(waiting, waiting),
            .. module.Lessons.SelectMany(l => l.Images).Distinct(StringComparer.Ordinal).Select(image => new KeptPage(image, image)),
        ];
        return new JsonResult(new KeptModule(slug, module.Title, module.Version, pages, lessons, quiz, waiting), Json);
    }

    /// <summary>The modules the phone keeps by itself when the learner asks: what their employers require that is not in date, then what they are part way through.</summary>
    public async Task<IActionResult> OnGetDueAsync(CancellationToken cancellationToken) =>
        new JsonResult(await keepList.DueAsync(User.RequiredId(), content.Current, cancellationToken), Json);

    /// <summary>
    /// What the phone did offline. Same-origin script only: the antiforgery token comes in a header,
    /// and the items are recorded against the signed-in person, whoever's the phone says they are.
    /// </summary>
    public async Task<IActionResult> OnPostSyncAsync(CancellationToken cancellationToken)
    {
        SyncInput? input;
        try
        {
            input = await Request.ReadFromJsonAsync<SyncInput>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            input = null;
        }
        catch (InvalidOperationException)
        {
            // Not JSON at all (a form post): nothing here to read.
            input = null;
        }
        if (input?.Items is not { } items)
            return BadRequest(new { message = "Send the items as JSON." });
        var result = await sync.SyncAsync(
            User.RequiredId(),
            [.. items.Select(i => new OfflineItem(i.Key, i.Kind, i.Module ?? "", i.Version ?? "", i.Lesson, i.At,
                i.Answers?.ToDictionary(a => a.Key, a => (IReadOnlyCollection<string>)a.Value, StringComparer.Ordinal)))],
            cancellationToken);
        if (!result.IsDone)
            return BadRequest(new { message = result.Problem?.Message });
        return new JsonResult(new
        {
            answers = result.Value!.Select(a => new
            {
                key = a.Key,
                outcome = a.Outcome,
                message = a.Message,
                repeat = a.Repeat,
                certificate = a.CompletionId is { } id ? Url.Page("/Learn/Certificate", new { id }) : null,
            }),
        }, Json);
    }
}
