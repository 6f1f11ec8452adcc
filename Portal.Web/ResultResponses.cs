using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure;

namespace Portal.Web;

/// <summary>
/// How a page answers a service's <see cref="Result"/>, the same way everywhere: done, the redirect
/// the page names; not found (unknown, or someone else's), 404; invalid, the message beside its field
/// and the page again, with nothing changed.
/// </summary>
public static class ResultResponses
{
    /// <param name="done">The redirect after a change that was made.</param>
    /// <param name="again">Reloads what the page shows and returns it; by default the page as it is.</param>
    /// <param name="field">
    /// The ModelState key for a problem's field: by default <c>Input.{Field}</c>, the page's bound
    /// form, and "" (the form as a whole) for a problem with no field. A page whose inputs are named
    /// otherwise says where its messages go.
    /// </param>
    public static Task<IActionResult> AnswerAsync(this PageModel page, Result result, Func<IActionResult> done, Func<Task<IActionResult>>? again = null, Func<string, string>? field = null) =>
        page.AnswerAsync(result, done, problem => Again(page, problem, again, field));

    /// <inheritdoc cref="AnswerAsync(PageModel, Result, Func{IActionResult}, Func{Task{IActionResult}}?, Func{string, string}?)"/>
    public static Task<IActionResult> AnswerAsync<T>(this PageModel page, Result<T> result, Func<T, IActionResult> done, Func<Task<IActionResult>>? again = null, Func<string, string>? field = null) =>
        page.AnswerAsync(result, done, problem => Again(page, problem, again, field));

    /// <summary>
    /// The same, where a refused change is not a form error: a decision shown beside one item of a
    /// list, or the page reloaded its own way.
    /// </summary>
    public static Task<IActionResult> AnswerAsync(this PageModel page, Result result, Func<IActionResult> done, Func<FieldProblem, Task<IActionResult>> invalid)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(invalid);
        return result.Outcome switch
        {
            Outcome.Done => Task.FromResult(done()),
            Outcome.NotFound => Task.FromResult<IActionResult>(page.NotFound()),
            _ => invalid(result.Problem!),
        };
    }

    /// <inheritdoc cref="AnswerAsync(PageModel, Result, Func{IActionResult}, Func{FieldProblem, Task{IActionResult}})"/>
    public static Task<IActionResult> AnswerAsync<T>(this PageModel page, Result<T> result, Func<T, IActionResult> done, Func<FieldProblem, Task<IActionResult>> invalid)
    {
        ArgumentNullException.ThrowIfNull(done);
        return page.AnswerAsync(result.WithoutValue(), () => done(result.Value!), invalid);
    }

    /// <summary>
    /// The same, answered at once: a refusal that becomes a status message on the next page, or a
    /// 400 for a hidden field the page never drew that way.
    /// </summary>
    public static IActionResult Answer(this PageModel page, Result result, Func<IActionResult> done, Func<FieldProblem, IActionResult> invalid)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(invalid);
        return result.Outcome switch
        {
            Outcome.Done => done(),
            Outcome.NotFound => page.NotFound(),
            _ => invalid(result.Problem!),
        };
    }

    private static Task<IActionResult> Again(PageModel page, FieldProblem problem, Func<Task<IActionResult>>? again, Func<string, string>? field)
    {
        var key = field is not null ? field(problem.Field) : problem.Field.Length == 0 ? "" : $"Input.{problem.Field}";
        page.ModelState.AddModelError(key, problem.Message);
        return again is null ? Task.FromResult<IActionResult>(page.Page()) : again();
    }
}
