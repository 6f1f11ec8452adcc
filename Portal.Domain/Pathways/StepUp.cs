namespace Portal.Domain.Pathways;

/// <summary>
/// The one rule for "moved up a step on a career route": the new job is a later step than the old
/// one on some route in the content, that is, the routes' steps lead from the old role to the new
/// one (directly or through others). Care worker to activities coordinator is a step on a route,
/// so it counts; team leader back to care worker, a move to a job on no route from the old one, or
/// the same job again does not.
/// </summary>
public static class StepUp
{
    public static bool Is(RouteGraph routes, string? fromRole, string toRole)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (string.IsNullOrEmpty(fromRole) || string.IsNullOrEmpty(toRole) || fromRole == toRole || !routes.Contains(fromRole) || !routes.Contains(toRole))
            return false;
        var seen = new HashSet<string>(StringComparer.Ordinal) { fromRole };
        var next = new Queue<string>([fromRole]);
        while (next.TryDequeue(out var role))
        {
            foreach (var step in routes.StepsFrom(role))
            {
                if (step.To == toRole)
                    return true;
                if (seen.Add(step.To))
                    next.Enqueue(step.To);
            }
        }
        return false;
    }
}
