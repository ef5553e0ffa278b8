using System.Globalization;
using System.Text;

namespace Engagement.Rules.Engine.Network;

/// <summary>Writes the network as indented text for diagnostics.</summary>
internal static class NetworkDump
{
    public static string Write(ReteNetwork network)
    {
        var text = new StringBuilder();
        text.AppendLine("Alpha network:");
        foreach (var root in network.TypeRoots)
        {
            WriteAlpha(text, root, 1, null);
        }

        text.AppendLine("Beta network:");
        WriteBeta(text, network.Root, 1);
        return text.ToString();
    }

    private static void WriteAlpha(StringBuilder text, AlphaNode node, int depth, string? via)
    {
        text.Append(' ', depth * 2);
        text.Append(CultureInfo.InvariantCulture, $"a{node.Id} ");
        text.Append(node.Test is null ? $"type {node.FactType.Name}" : via ?? $"test {node.Description}");
        if (node.Memory is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" -> alpha#{node.Memory.Id}");
        }

        text.AppendLine();
        foreach (var child in node.Children)
        {
            WriteAlpha(text, child, depth + 1, null);
        }

        foreach (var group in node.Groups)
        {
            text.Append(' ', (depth + 1) * 2);
            text.AppendLine(CultureInfo.InvariantCulture, $"hash dispatch on {group.Description} ({group.Branches.Count} branches)");
            foreach (var branch in group.Branches)
            {
                var key = ReferenceEquals(branch.Key, JoinKey.Null) ? "null" : branch.Key.ToString();
                WriteAlpha(text, branch.Value, depth + 2, $"[= {key}] {branch.Value.Description}");
            }
        }
    }

    private static void WriteBeta(StringBuilder text, BetaNode node, int depth)
    {
        text.Append(' ', depth * 2);
        text.Append(CultureInfo.InvariantCulture, $"b{node.Id} L{node.Level} {node.Describe()}");
        if (node is not TerminalNode && node.RuleIds.Count > 0)
        {
            text.Append(" rules: ").Append(string.Join(", ", node.RuleIds));
        }

        text.AppendLine();
        if (node is ConditionalNode conditional)
        {
            text.Append(' ', (depth + 1) * 2).AppendLine("source:");
            if (conditional.Owner is { } owner)
            {
                foreach (var child in owner.Children)
                {
                    WriteBeta(text, child, depth + 2);
                }
            }
            else
            {
                // A pass-through node's sub-network hangs below its parent: shown here, not among the parent's children.
                foreach (var child in conditional.Parent!.Children)
                {
                    if (child.SourceOf == conditional)
                    {
                        WriteBeta(text, child, depth + 2);
                    }
                }
            }
        }

        foreach (var child in node.Children)
        {
            if (child.SourceOf is null)
            {
                WriteBeta(text, child, depth + 1);
            }
        }
    }
}
