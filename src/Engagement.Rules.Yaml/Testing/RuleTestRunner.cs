using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Loading;
using NodaTime;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>
/// Runs rule tests: <c>*.tests.yaml</c> (or <c>*.tests.yml</c>) files that give a customer's facts and an evaluation
/// instant and say which touches must be decided, which must not, and which must be suppressed and why
/// (docs/rule-tests.md). Each case is evaluated exactly as in production: the rules are loaded with
/// <see cref="RuleFileLoader"/>, compiled, and evaluated with the policies by <see cref="EngagementEvaluator"/>.
/// Thread-safe; rule sets are loaded once per runner.
/// </summary>
public sealed class RuleTestRunner
{
    private readonly RuleTestOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<LoadedRules>> _rules = new(StringComparer.Ordinal);

    /// <summary>Creates a runner.</summary>
    /// <param name="options">The loader and policy settings; <see cref="RuleTestOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException"><see cref="RuleTestOptions.Loader"/> or <see cref="RuleTestOptions.Policy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The loader options are invalid (<see cref="RuleLoaderOptions.GetErrors"/>): every problem is named. (Invalid policy
    /// options fail each case instead, with the problem, as policy options that do not fit the rules do.)
    /// </exception>
    public RuleTestRunner(RuleTestOptions? options = null)
    {
        _options = options ?? RuleTestOptions.Default;

        // Checked here rather than at the first case: a null would otherwise fall back to the defaults silently (Policy)
        // or fail every case with a NullReferenceException (Loader), and invalid limits would throw out of Run.
        if (_options.Loader is null || _options.Policy is null)
        {
            throw new ArgumentException(
                $"RuleTestOptions.{(_options.Loader is null ? nameof(RuleTestOptions.Loader) : nameof(RuleTestOptions.Policy))} is null; leave it at its default or set it.",
                nameof(options));
        }

        if (_options.Loader.GetErrors() is { Count: > 0 } errors)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Invalid RuleTestOptions.Loader: " + string.Join(" ", errors));
        }
    }

    /// <summary>
    /// Finds the cases of test files: each path is a test file or a folder searched recursively for
    /// <c>*.tests.yaml</c> and <c>*.tests.yml</c> files, in any case, the files the rule loader skips (hidden entries
    /// skipped), in the rule loader's order (ordinal over the paths with '/' between folders, the same on every
    /// operating system). A file that cannot be read yields one failing case, and so does, unread, a file
    /// found in a folder that is a symbolic link leading out of it (as the loader refuses such rule files) unless it is
    /// also given as a path of its own, and any
    /// test file that is not a regular file (a named pipe, whose reading would block, a device or a socket).
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <returns>The cases, file by file, in file order.</returns>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    public static IReadOnlyList<RuleTestCase> Discover(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);

        // Each file with the reason it is refused unread (null: read it).
        // In the rule loader's order (ordinal, '/' between folders): the same case order on every operating system.
        var files = new SortedDictionary<string, string?>(Comparer<string>.Create((a, b) => RuleFileSet.ComparePortably(a, b, Path.DirectorySeparatorChar)));
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files[Path.GetFullPath(path)] = null;
            }
            else if (Directory.Exists(path))
            {
                var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

                // Filtered by name rather than by a search pattern: the pattern's case follows the platform, the
                // loader's skipping of test files does not.
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(path, file);
                    if (RuleFileSet.IsTestFile(Path.GetFileName(file)) && !relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.')))
                    {
                        // Refused only while no path reads it: named as a path of its own (before or after its
                        // folder, as the refusal advises), or found inside another folder, it is read.
                        var full = Path.GetFullPath(file);
                        if (!files.TryGetValue(full, out var earlier) || earlier is not null)
                        {
                            files[full] = RuleFileSet.LeavesRoot(full, root)
                                ? $"This is a symbolic link (or a file under a linked folder) that leads out of the tested folder '{root}'; a folder's test files are read only inside it. Copy the file into the folder, or name it as a path of its own."
                                : null;
                        }
                    }
                }
            }
            else
            {
                throw new FileNotFoundException($"The rule test path '{path}' is neither a file nor a folder.", path);
            }
        }

        return files.SelectMany(f => f.Value is { } refusal ? [TestFileReader.Refused(f.Key, refusal)] : TestFileReader.Read(f.Key)).ToArray();
    }

    /// <summary>Runs every case found under the paths.</summary>
    /// <param name="paths">Files and folders, as for <see cref="Discover"/>.</param>
    /// <returns>One result per case, in discovery order.</returns>
    public IReadOnlyList<RuleTestResult> Run(IEnumerable<string> paths) => Discover(paths).Select(Run).ToArray();

    /// <summary>Runs one case: loads its rules (once per runner), evaluates its facts, checks its expectations.</summary>
    /// <param name="testCase">The case.</param>
    /// <returns>The result; never throws for bad rules, facts or expectations (they fail the case).</returns>
    public RuleTestResult Run(RuleTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        if (testCase.Error is { } error || testCase.Spec is not { } spec)
        {
            return Fail(testCase, testCase.Error ?? "The case could not be read.");
        }

        var rules = _rules.GetOrAdd(string.Join("|", spec.RulePaths), _ => new Lazy<LoadedRules>(() => Load(spec.RulePaths))).Value;
        if (rules.Evaluator is not { } evaluator)
        {
            return Fail(testCase, $"The rules ({string.Join(", ", spec.RulePaths)}) do not load:{Environment.NewLine}{rules.Error}");
        }

        EngagementResult result;
        try
        {
            var catalog = _options.Loader.Catalog;
            var customer = YamlFacts.Convert<Customer>(spec.Customer, "customer");
            if (ExpectationProblems(testCase, spec, rules.RuleIds, customer.CustomerId) is { Count: > 0 } problems)
            {
                return Fail(testCase, string.Join(Environment.NewLine, problems));
            }

            var dealership = YamlFacts.Convert<Dealership>(spec.Dealership, "dealership");
            var facts = new CustomerFacts(customer, dealership, YamlFacts.Facts(spec.DefaultFacts, spec.CaseFacts, catalog));
            result = evaluator.Evaluate(facts, spec.At);
        }
        catch (TestFileException ex)
        {
            return Fail(testCase, $"{testCase.File}:{ex.Line}: {ex.Message}");
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "at")
        {
            // The evaluator's range of instants (IEngagementEvaluator.Evaluate), not the facts.
            return Fail(testCase, $"{testCase.Location}: 'at' is out of range: {ex.Message.Split(Environment.NewLine)[0]}");
        }
        catch (ArgumentException ex)
        {
            return Fail(testCase, $"{testCase.Location}: the facts are not valid together: {ex.Message}");
        }
        catch (EngagementEvaluationException ex)
        {
            // The message names the rule and the inner exception's type and message; its stack trace is not for a rule author.
            return Fail(testCase, $"{testCase.Location}: the evaluation failed: {ex.Message}");
        }

        return Check(testCase, spec, result);
    }

    /// <summary>
    /// Expectation values that can never match: a rule id the loaded rules do not have, a customer other than the
    /// case's. Without this check an <c>expectNot</c> item with such a typo passes whatever the rules do.
    /// </summary>
    private static List<string> ExpectationProblems(RuleTestCase testCase, CaseSpec spec, IReadOnlyCollection<string> ruleIds, string customerId)
    {
        var problems = new List<string>();
        foreach (var (list, expectation) in spec.Expected.Select(e => ("expect", e))
            .Concat(spec.NotExpected.Select(e => ("expectNot", e)))
            .Concat(spec.ExpectedSuppressed.Select(e => ("expectSuppressed", e))))
        {
            if (expectation.Rule is { } rule && !ruleIds.Contains(rule))
            {
                problems.Add($"{testCase.File}:{expectation.RuleLine}: case '{testCase.Name}': '{list}' names the rule '{rule}', which the loaded rules do not have (an item that names it can never match).{DidYouMean.Hint(rule, ruleIds)}");
            }

            if (expectation.Customer is { } customer && !string.Equals(customer, customerId, StringComparison.Ordinal))
            {
                problems.Add($"{testCase.File}:{expectation.CustomerLine}: case '{testCase.Name}': '{list}' names the customer '{customer}', but the case evaluates customer '{customerId}' (an item that names another can never match).");
            }
        }

        return problems;
    }

    private static RuleTestResult Check(RuleTestCase testCase, CaseSpec spec, EngagementResult result)
    {
        var problems = new List<string>();
        var matched = new HashSet<TouchDecision>(ReferenceEqualityComparer.Instance);
        foreach (var expected in spec.Expected)
        {
            var hits = result.Decisions.Where(expected.Matches).ToList();
            if (hits.Count == 0)
            {
                var near = result.Decisions.Where(d => expected.Topic is null || d.Topic == expected.Topic).ToList();
                var suppressed = result.Suppressed.Concat(result.HeldOut).Where(s => expected.Topic is null || s.Proposal.Topic == expected.Topic).ToList();
                var actual = near.Count > 0
                    ? "the same topic was decided as: " + string.Join("; ", near.Select(Describe))
                    : suppressed.Count > 0
                        ? "it was proposed but stopped: " + string.Join("; ", suppressed.Select(Describe))
                        : "no rule proposed it";
                problems.Add($"line {expected.Line}: expected the touch {expected}; {actual}.");
            }

            foreach (var hit in hits)
            {
                matched.Add(hit);
            }
        }

        foreach (var unwanted in spec.NotExpected)
        {
            foreach (var hit in result.Decisions.Where(unwanted.Matches))
            {
                problems.Add($"line {unwanted.Line}: expected no touch {unwanted}, but got: {Describe(hit)}.");
            }
        }

        foreach (var expected in spec.ExpectedSuppressed)
        {
            if (!result.Suppressed.Concat(result.HeldOut).Any(expected.Matches))
            {
                var decided = result.Decisions.Where(d => expected.Topic is null || d.Topic == expected.Topic).ToList();
                var other = result.Suppressed.Where(s => expected.Topic is null || s.Proposal.Topic == expected.Topic).ToList();
                var actual = decided.Count > 0
                    ? "it was decided: " + string.Join("; ", decided.Select(Describe))
                    : other.Count > 0
                        ? "it was suppressed otherwise: " + string.Join("; ", other.Select(Describe))
                        : "no rule proposed it";
                problems.Add($"line {expected.Line}: expected the suppression {expected}; {actual}.");
            }
        }

        if (spec.NothingElse)
        {
            foreach (var extra in result.Decisions.Where(d => !matched.Contains(d)))
            {
                problems.Add($"nothingElse: an unexpected touch was decided: {Describe(extra)}.");
            }
        }

        if (problems.Count == 0)
        {
            return new RuleTestResult(testCase, true, $"{result.Decisions.Count} decided, {result.Suppressed.Count} suppressed.");
        }

        var lines = new List<string> { $"{testCase.Location}: case '{testCase.Name}' failed:" };
        lines.AddRange(problems.Select(p => "  - " + p));
        lines.Add($"Decisions ({result.Decisions.Count}):");
        foreach (var decision in result.Decisions)
        {
            lines.Add("  - " + Describe(decision));
            lines.AddRange(decision.Explanation.ToLines().Select(l => "      " + l));
        }

        lines.Add($"Suppressed ({result.Suppressed.Count}) and held out ({result.HeldOut.Count}):");
        foreach (var suppressed in result.Suppressed.Concat(result.HeldOut))
        {
            lines.Add("  - " + Describe(suppressed));
            lines.AddRange(suppressed.Explanation.ToLines().Select(l => "      " + l));
        }

        lines.AddRange(result.Diagnostics.Select(d => "Diagnostic: " + d));
        return new RuleTestResult(testCase, false, string.Join(Environment.NewLine, lines));
    }

    private static string Describe(TouchDecision d) =>
        $"{{ topic: {d.Topic}, rule: {d.RuleId}, kind: {d.Kind}, class: {d.Class}, customer: {d.CustomerId}, vehicle: {d.Vin ?? "-"}, channel: {d.Channel}, due: {d.DueAt} ({d.DueLocal.LocalDateTime:uuuu-MM-dd'T'HH:mm} {d.DueLocal.Zone.Id}) }}";

    private static string Describe(SuppressedTouch s) =>
        $"{{ topic: {s.Proposal.Topic}, rule: {s.Proposal.RuleId}, class: {s.Proposal.Class}, vehicle: {s.Proposal.Vin ?? "-"}, dueOn: {s.Proposal.DueOn:uuuu-MM-dd}, reason: {s.Reason} }}";

    private static RuleTestResult Fail(RuleTestCase testCase, string message) => new(testCase, false, message);

    private LoadedRules Load(IReadOnlyList<string> paths)
    {
        var loaded = new RuleFileLoader(_options.Loader).Load(paths);
        if (!loaded.Success)
        {
            return new LoadedRules(null, [], loaded.FormatDiagnostics());
        }

        if (!RuleSetCompiler.TryCompile(loaded, string.Join(", ", paths), out var compiled, out var errors))
        {
            return new LoadedRules(null, [], RuleDiagnostic.FormatAll(errors));
        }

        try
        {
            var ids = loaded.Rules.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();
            return new LoadedRules(EngagementEvaluator.Create(compiled, UnusedClock.Instance, _options.Policy), ids, null);
        }
        catch (PolicyOptionsException ex)
        {
            return new LoadedRules(null, [], "The policy options are invalid: " + ex.Message);
        }
    }

    /// <summary>The evaluator, or why there is none; <paramref name="RuleIds"/> in ordinal order, for expectations' rule ids.</summary>
    private sealed record LoadedRules(IEngagementEvaluator? Evaluator, IReadOnlyList<string> RuleIds, string? Error);

    /// <summary>Every case passes its own instant, so the evaluator's clock is never read.</summary>
    private sealed class UnusedClock : IClock
    {
        public static UnusedClock Instance { get; } = new();

        public Instant GetCurrentInstant() => throw new InvalidOperationException("Rule tests evaluate at the case's 'at' instant.");
    }
}
