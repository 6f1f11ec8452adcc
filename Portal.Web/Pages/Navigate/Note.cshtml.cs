using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Navigation;
using Portal.Infrastructure;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate;

/// <summary>A contact note its author corrects or takes back within a day of writing it. Another hub's note: 404.</summary>
public sealed class NoteModel(CaseEditing editing) : PageModel
{
    public CaseEditing.NoteToEdit Found { get; private set; } = null!;

    [BindProperty]
    public NoteInput Input { get; set; } = new();

    [BindProperty]
    public RemoveInput Remove { get; set; } = new();

    public sealed record NoteInput(DateOnly? On = null, ContactMethod How = ContactMethod.Phone, string? Text = null);

    public sealed record RemoveInput(bool Confirm = false);

    public async Task<IActionResult> OnGetAsync(Guid id, long note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, note, cancellationToken))
            return NotFound();
        Input = new NoteInput(Found.Note.On, Found.Note.How, Found.Note.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, long note, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await editing.ChangeNoteAsync(User.RequiredId(), id, note, Input.On, Input.How, Input.Text, cancellationToken);
        return await this.AnswerAsync(result, () => Back(id, "Note changed. They can read it on their plan."), () => AgainAsync(id, note, cancellationToken));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, long note, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = Remove.Confirm
            ? await editing.RemoveNoteAsync(User.RequiredId(), id, note, cancellationToken)
            : Result.Invalid("Confirm", "Tick the box to confirm you want to remove this note");
        return await this.AnswerAsync(result, () => Back(id, "Note removed."), () => AgainAsync(id, note, cancellationToken), field => field.Length == 0 ? "" : $"Remove.{field}");
    }

    private async Task<IActionResult> AgainAsync(Guid id, long note, CancellationToken cancellationToken) =>
        await LoadAsync(id, note, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, long note, CancellationToken cancellationToken)
    {
        if (await editing.NoteAsync(User.RequiredId(), id, note, cancellationToken) is not { } found)
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
