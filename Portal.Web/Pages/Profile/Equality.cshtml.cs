using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Equality;
using Portal.Infrastructure.Equality;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Profile;

/// <summary>Voluntary equality monitoring: the person's own answers, which only they ever see.</summary>
public sealed class EqualityModel(EqualityService equality) : PageModel
{
    /// <summary>Answers by question key (ethnicity, sex, ...), each a code of its question or empty.</summary>
    public sealed record Answers(Dictionary<string, string?>? Chosen = null);

    [BindProperty]
    public Answers Input { get; set; } = new();

    public bool Answered { get; private set; }

    public string? ChosenFor(EqualityQuestion question) => Input.Chosen?.GetValueOrDefault(question.Key);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = await equality.MineAsync(User.RequiredId(), cancellationToken);
        Answered = mine is not null;
        Input = new Answers(mine?.ByQuestion().ToDictionary(a => a.Question.Key, a => a.Code) ?? []);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await equality.SaveAsync(User.RequiredId(), Input.Chosen ?? [], cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Your answers are saved. Only you can see them.";
            return RedirectToPage();
        }, field: key => key.Length == 0 ? "" : $"Input.Chosen[{key}]");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) =>
        this.Answer(await equality.RemoveAsync(User.RequiredId(), cancellationToken), () =>
        {
            TempData["StatusMessage"] = "Your answers are removed.";
            return RedirectToPage();
        }, _ => BadRequest());
}
