package org.neuroatlas.core.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the report's HTML text; see {@link HtmlReport}. */
final class HtmlPage {

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;margin:24px;color:#222;max-width:1400px}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:15px}
            table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;white-space:nowrap}
            th{background:#f3f3f3;position:sticky;top:0}table.sortable th{cursor:pointer}table.sortable th:after{content:" \\2195";color:#aaa}
            td.num{text-align:right;font-variant-numeric:tabular-nums}tr.up td{background:#fbe9e7}tr.down td{background:#e3eefa}
            .scroll{max-height:70vh;overflow:auto;border:1px solid #ddd}figure{margin:16px 0}svg{max-width:100%;height:auto}
            code{font-size:12px}.note{color:#666;font-size:13px}
            """;

    /** Sorts a table's body by the clicked column: numerically when both cells are numbers, else as text; again reverses. */
    private static final String SCRIPT = """
            document.querySelectorAll("table.sortable").forEach(function(table){
              table.querySelectorAll("th").forEach(function(th,col){
                th.addEventListener("click",function(){
                  var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
                  var asc=th.getAttribute("data-sort")!=="asc";
                  table.querySelectorAll("th").forEach(function(h){h.removeAttribute("data-sort");});
                  th.setAttribute("data-sort",asc?"asc":"desc");
                  function key(r){var t=r.cells[col].textContent.trim();var n=parseFloat(t);
                    return (t===""||isNaN(n)||!/^[-+]?(\\d|\\.\\d|inf)/i.test(t))?{n:null,t:t}:{n:n,t:t};}
                  rows.sort(function(a,b){var x=key(a),y=key(b),c;
                    if(x.n!==null&&y.n!==null){c=x.n-y.n;}else if(x.n!==null){return -1;}else if(y.n!==null){return 1;}
                    else{c=x.t.localeCompare(y.t);}
                    return asc?c:-c;});
                  rows.forEach(function(r){body.appendChild(r);});
                });
              });
            });
            """;

    private HtmlPage() {
    }

    static String render(String title, ComparisonTable table, List<Map.Entry<String, Figure>> figures, Map<String, String> parameters,
            String atlasKey, String atlasDescription, String version, List<HtmlReport.Input> inputs) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n");
        sb.append("<p class=\"note\">").append(esc(version)).append(" · atlas ").append(atlasKey == null ? "not given" : "<code>" + esc(atlasKey) + "</code>")
                .append(" · ").append(table.rows().size()).append(" comparison rows</p>\n");
        sb.append("<p><a href=\"#summary\">Summary</a> · <a href=\"#plots\">Plots</a> · <a href=\"#table\">Comparison table</a> · ")
                .append("<a href=\"#parameters\">Parameters</a> · <a href=\"#provenance\">Provenance</a></p>\n");
        summary(sb, table);
        sb.append("<h2 id=\"plots\">Plots</h2>\n");
        if (figures.isEmpty()) {
            sb.append("<p class=\"note\">No plots.</p>\n");
        }
        for (Map.Entry<String, Figure> f : figures) {
            sb.append("<figure id=\"").append(esc(f.getValue().name())).append("\">\n<h3>").append(esc(f.getKey())).append("</h3>\n")
                    .append(f.getValue().inlineSvg()).append("</figure>\n");
        }
        comparisonTable(sb, table);
        sb.append("<h2 id=\"parameters\">Parameters</h2>\n");
        keyValues(sb, parameters);
        provenance(sb, atlasKey, atlasDescription, version, inputs);
        sb.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void summary(StringBuilder sb, ComparisonTable table) {
        sb.append("<h2 id=\"summary\">Summary</h2>\n<table>\n<thead><tr><th>contrast</th><th>rows</th><th>up</th><th>down</th><th>ns</th></tr></thead>\n<tbody>\n");
        for (String c : table.contrasts()) {
            int up = 0, down = 0, ns = 0;
            for (ComparisonRow r : table.rows(c)) {
                switch (r.direction()) {
                    case "up" -> up++;
                    case "down" -> down++;
                    default -> ns++;
                }
            }
            sb.append("<tr><td>").append(esc(c)).append("</td><td class=\"num\">").append(up + down + ns).append("</td><td class=\"num\">").append(up)
                    .append("</td><td class=\"num\">").append(down).append("</td><td class=\"num\">").append(ns).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void comparisonTable(StringBuilder sb, ComparisonTable table) {
        sb.append("<h2 id=\"table\">Comparison table</h2>\n<p class=\"note\">").append(esc(table.source())).append(": ")
                .append(table.rows().size()).append(" rows × ").append(table.header().size())
                .append(" columns; click a column heading to sort (again to reverse). Significant rows are shaded (up red, down blue).</p>\n");
        sb.append("<div class=\"scroll\">\n<table class=\"sortable\" id=\"comparison\">\n<thead><tr>");
        for (String h : table.header()) {
            sb.append("<th>").append(esc(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        List<ComparisonRow> rows = table.rows();
        List<List<String>> cells = table.cells();
        for (int r = 0; r < cells.size(); r++) {
            String dir = rows.get(r).direction();
            sb.append(dir.equals("ns") ? "<tr>" : "<tr class=\"" + dir + "\">");
            for (String v : cells.get(r)) {
                sb.append(isNumber(v) ? "<td class=\"num\">" : "<td>").append(esc(v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n</div>\n");
    }

    private static void provenance(StringBuilder sb, String atlasKey, String atlasDescription, String version, List<HtmlReport.Input> inputs) {
        sb.append("<h2 id=\"provenance\">Provenance</h2>\n<table>\n<tbody>\n<tr><th>software</th><td>").append(esc(version)).append("</td></tr>\n")
                .append("<tr><th>atlas</th><td>").append(atlasKey == null ? "not given" : "<code>" + esc(atlasKey) + "</code>")
                .append(atlasDescription == null ? "" : "<br>" + esc(atlasDescription)).append("</td></tr>\n</tbody>\n</table>\n");
        sb.append("<h3>Input files</h3>\n<table>\n<thead><tr><th>role</th><th>file</th><th>bytes</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
        for (HtmlReport.Input in : inputs) {
            sb.append("<tr><td>").append(esc(in.role())).append("</td><td><code>").append(esc(in.path())).append("</code></td><td class=\"num\">")
                    .append(in.bytes() < 0 ? "" : Long.toString(in.bytes())).append("</td><td><code>").append(esc(in.sha256())).append("</code></td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void keyValues(StringBuilder sb, Map<String, String> values) {
        if (values.isEmpty()) {
            sb.append("<p class=\"note\">None given.</p>\n");
            return;
        }
        sb.append("<table>\n<tbody>\n");
        values.forEach((k, v) -> sb.append("<tr><th>").append(esc(k)).append("</th><td><code>").append(esc(v)).append("</code></td></tr>\n"));
        sb.append("</tbody>\n</table>\n");
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        String t = s.toLowerCase(Locale.ROOT);
        if (t.equals("nan") || t.equals("na") || t.endsWith("infinity")) {
            return true;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String esc(String s) {
        return SvgRenderer.escape(s);
    }
}
