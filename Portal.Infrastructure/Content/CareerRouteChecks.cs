using Portal.Domain.Pathways;

namespace Portal.Infrastructure.Content;

/// <summary>Rules that span kinds: every step names real roles, programmes and modules, and no route goes round in a circle.</summary>
internal static class CareerRouteChecks
{
    public static RouteGraph Check(
        IReadOnlyDictionary<string, CareerRoute> routes,
        IReadOnlyDictionary<string, CareerRole> roles,
        IReadOnlyDictionary<string, Programme> programmes,
        IReadOnlyDictionary<string, LearningModule> modules,
        Func<RouteStep, (string File, FrontMatterReader Reader)> originOf,
        List<ContentError> errors)
    {
        // Files in slug order, steps in file order: error messages and the graph never depend on the disk.
        var steps = routes.OrderBy(r => r.Key, StringComparer.Ordinal).SelectMany(r => r.Value.Steps).ToList();
        var problems = RouteGraphValidation.Check(roles.Keys, steps);
        foreach (var unknown in problems.UnknownRoles)
        {
            var key = unknown.UnknownRole == unknown.Step.From ? "from" : "to";
            Report(originOf(unknown.Step), key, $"there is no role '{unknown.UnknownRole}' in careers/roles/; check the spelling or add the role");
        }

        foreach (var duplicate in problems.DuplicateSteps)
        {
            var first = originOf(steps[duplicate.FirstIndex]);
            Report(originOf(duplicate.Step), "from", $"the step {duplicate.Step.From} -> {duplicate.Step.To} is already in {first.File} on line {first.Reader.Line}; keep one");
        }

        foreach (var cycle in problems.Cycles)
        {
            var step = steps.First(s => s.From == cycle.Roles[0] && s.To == cycle.Roles[(1) % cycle.Roles.Count]);
            Report(originOf(step), "from", $"routes go round in a circle: {cycle}; a career route must lead somewhere, so remove one of these steps");
        }

        foreach (var step in steps)
        {
            var origin = originOf(step);
            foreach (var programme in step.Requirements.Programmes.Where(p => !programmes.ContainsKey(p)))
                Report(origin, "programmes", $"there is no programme '{programme}' in careers/programmes/");
            foreach (var module in step.Requirements.Modules.Where(m => !modules.ContainsKey(m)))
                Report(origin, "modules", $"there is no training module '{module}' in learn/");
        }

        var inclusions = new ProgrammeInclusions(programmes.Values
            .Where(p => p.Includes.Count > 0)
            .Select(p => KeyValuePair.Create(p.Slug, p.Includes)));
        return problems.IsValid ? new RouteGraph(roles.Keys, steps, inclusions) : new RouteGraph(roles.Keys, [], inclusions);
    }

    private static void Report((string File, FrontMatterReader Reader) origin, string key, string message) =>
        origin.Reader.Error(key, message);
}
