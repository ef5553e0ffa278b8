using System;
using System.Linq;
using CsCheck;

namespace Engagement.Rules.TestSupport;

/// <summary>
/// Mutation fuzzing for the readers' property tests (rule files, rule-test files, facts): a valid sample with one to
/// four random edits, each removing a few characters somewhere and inserting a few drawn from characters that matter
/// to the format. Starting from a valid document reaches far deeper into a reader than random text does.
/// </summary>
internal static class TextMutations
{
    /// <summary>Mutations of <paramref name="sample"/>: each edit removes up to <paramref name="maxRemoved"/> characters at a random place and inserts up to <paramref name="maxInserted"/> from <paramref name="alphabet"/>.</summary>
    public static Gen<string> Of(string sample, Gen<char> alphabet, int maxRemoved, int maxInserted) =>
        Gen.Select(Gen.Int[0, sample.Length], Gen.Int[0, maxRemoved], alphabet.Array[0, maxInserted])
            .Array[1, 4]
            .Select(edits => edits.Aggregate(sample, (text, edit) =>
            {
                var at = Math.Min(edit.Item1, text.Length);
                var remove = Math.Min(edit.Item2, text.Length - at);
                return text.Remove(at, remove).Insert(at, new string(edit.Item3));
            }));
}
