using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Navigation;
using Portal.Infrastructure;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate;

/// <summary>One plan step to change (what it says, whose it is, when it is due) or remove, after a tick to confirm. Another hub's step: 404.</summary>
public sealed class StepModel(CaseEditing editing) : PageModel
{
    public CaseEditing.StepToEdit Found { get; private set; } = null!;

    [BindProperty]
    public StepInput Input { get; set; } = new();

    [BindProperty]
    public RemoveInput Remove { get; set; } = new();

    public sealed record StepInput(string? Details = null, StepOwner Owner = StepOwner.Person, DateOnly? DueOn = null);

    public sealed record RemoveInput(bool Confirm = false);

    public async Task<IActionResult> OnGetAsync(Guid id, long step, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, step, cancellationToken))
            return NotFound();
        Input = new StepInput(Found.Step.Details, Found.Step.Owner, Found.Step.DueOn);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, long step, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await editing.ChangeStepAsync(User.RequiredId(), id, step, Input.Details, Input.Owner, Input.DueOn, cancellationToken);
        return await this.AnswerAsync(result, () => Back(id, "Step changed."), () => AgainAsync(id, step, cancellationToken));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, long step, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = Remove.Confirm
            ? await editing.RemoveStepAsync(User.RequiredId(), id, step, cancellationToken)
            : Result.Invalid("Confirm", "Tick the box to confirm you want to remove this step");
        return await this.AnswerAsync(result, () => Back(id, "Step removed from their plan."), () => AgainAsync(id, step, cancellationToken), field => $"Remove.{field}");
    }

    private async Task<IActionResult> AgainAsync(Guid id, long step, CancellationToken cancellationToken) =>
        await LoadAsync(id, step, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, long step, CancellationToken cancellationToken)
    {
        if (await editing.StepAsync(User.RequiredId(), id, step, cancellationToken) is not { } found)
            return false;
        Found = found;
        return true;
    }

    private RedirectToPageResult Back(Guid id, string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage("/Navigate/Person", new { id });
    }
}
