package org.neuroatlas.core.detect.score;

import java.util.Arrays;

/**
 * One-to-one matching of detected cells to true cells within a distance tolerance.
 * <p>
 * <b>Candidates.</b> A detected cell and a true cell are a candidate pair if the detection lies inside the
 * tolerance ellipsoid around the true cell: {@code (dx² + dy²)/r² + dz²/rz² ≤ 1}, with {@code r} the radius and
 * {@code rz} the z radius in µm (isotropic when equal: a plain sphere, boundary included). Equivalently, z
 * differences are scaled by {@code r/rz} and the pair's <i>matching distance</i> is the Euclidean distance in that
 * scaled space, in µm; it equals the true distance when the tolerance is isotropic.
 * <p>
 * <b>Rules.</b> Pairs interact only within connected components of the candidate graph, so each component is
 * solved on its own.
 * <ul>
 * <li>{@link Rule#OPTIMAL} (default): the matching with the most pairs and, among those, the least total
 * matching distance (min-cost maximum-cardinality assignment, by successive shortest augmenting paths). It never
 * has fewer true positives than greedy. Ties between equally good assignments are broken deterministically: the
 * same input gives the same matching. Components larger than {@link #MAX_OPTIMAL_CELLS} cells (detected + true),
 * which arise only when the tolerance is large compared with the spacing of cells, are matched by the greedy rule
 * instead, to bound the run time; {@link Matching#greedyFallbackCells()} counts the cells so matched.</li>
 * <li>{@link Rule#GREEDY}: all candidate pairs sorted by matching distance, ties by detected index then true
 * index, each accepted if both of its cells are still unmatched (what many detection benchmarks do; it can lose
 * a pair in chains where the closest pair blocks two others).</li>
 * </ul>
 * Candidates are found through a spatial hash (grid cells of at least the radius), so 100,000 × 100,000 cells
 * take a fraction of a second when cells are sparse at the scale of the tolerance.
 */
public final class CellMatching {

    /** Default radius, µm: about half a typical soma diameter. */
    public static final double DEFAULT_RADIUS_UM = 7.5;

    /** Largest component (detected + true cells) solved optimally; larger ones fall back to the greedy rule. */
    public static final int MAX_OPTIMAL_CELLS = 2000;

    /** How pairs are chosen among the candidates; see the class description. */
    public enum Rule {
        OPTIMAL, GREEDY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The distance tolerance.
     *
     * @param radiusUm  maximum distance in x–y (and in z when {@code zRadiusUm} equals it), µm; &gt; 0
     * @param zRadiusUm maximum distance along z, µm; &gt; 0
     */
    public record Tolerance(double radiusUm, double zRadiusUm) {
        public Tolerance {
            if (!(radiusUm > 0) || !Double.isFinite(radiusUm) || !(zRadiusUm > 0) || !Double.isFinite(zRadiusUm)) {
                throw new IllegalArgumentException("tolerance radii must be positive and finite: " + radiusUm + ", " + zRadiusUm);
            }
        }

        /** A sphere of {@code radiusUm} µm. */
        public static Tolerance isotropic(double radiusUm) {
            return new Tolerance(radiusUm, radiusUm);
        }

        public boolean isIsotropic() {
            return radiusUm == zRadiusUm;
        }
    }

    private CellMatching() {
    }

    /** Matches by the {@link Rule#OPTIMAL} rule. */
    public static Matching match(CellPositions detected, CellPositions truth, Tolerance tolerance) {
        return match(detected, truth, tolerance, Rule.OPTIMAL);
    }

    public static Matching match(CellPositions detected, CellPositions truth, Tolerance tolerance, Rule rule) {
        return match(detected, truth, tolerance, rule, MAX_OPTIMAL_CELLS);
    }

    /** {@code maxOptimalCells} is a parameter so that tests can exercise the fallback with small inputs. */
    static Matching match(CellPositions detected, CellPositions truth, Tolerance tolerance, Rule rule, int maxOptimalCells) {
        int nd = detected.size();
        int nt = truth.size();
        double zScale = tolerance.radiusUm() / tolerance.zRadiusUm();
        Edges edges = candidates(detected, truth, tolerance.radiusUm(), zScale);

        // Components of the candidate graph: detections are nodes 0..nd-1, true cells nd..nd+nt-1.
        int[] parent = new int[nd + nt];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < edges.size; e++) {
            union(parent, edges.det[e], nd + edges.truth[e]);
        }
        // Group edges by component (counting sort on the root; edges keep their enumeration order inside).
        int[] compOfRoot = new int[nd + nt];
        Arrays.fill(compOfRoot, -1);
        int[] edgeComp = new int[edges.size];
        int components = 0;
        for (int e = 0; e < edges.size; e++) {
            int root = find(parent, edges.det[e]);
            if (compOfRoot[root] < 0) {
                compOfRoot[root] = components++;
            }
            edgeComp[e] = compOfRoot[root];
        }
        int[] start = new int[components + 1];
        for (int e = 0; e < edges.size; e++) {
            start[edgeComp[e] + 1]++;
        }
        for (int c = 0; c < components; c++) {
            start[c + 1] += start[c];
        }
        int[] order = new int[edges.size];
        int[] fill = Arrays.copyOf(start, components);
        for (int e = 0; e < edges.size; e++) {
            order[fill[edgeComp[e]]++] = e;
        }

        int[] truthOf = new int[nd];
        int[] detectedOf = new int[nt];
        Arrays.fill(truthOf, -1);
        Arrays.fill(detectedOf, -1);
        Component comp = new Component(nd, nt);
        int fallbackCells = 0;
        for (int c = 0; c < components; c++) {
            int from = start[c];
            int to = start[c + 1];
            if (to - from == 1) { // the common case: an isolated pair
                int e = order[from];
                truthOf[edges.det[e]] = edges.truth[e];
                detectedOf[edges.truth[e]] = edges.det[e];
                continue;
            }
            comp.load(edges, order, from, to);
            boolean optimal = rule == Rule.OPTIMAL && comp.nl + comp.nr <= maxOptimalCells;
            if (optimal) {
                comp.solveOptimal();
            } else {
                comp.solveGreedy();
                if (rule == Rule.OPTIMAL) {
                    fallbackCells += comp.nl + comp.nr;
                }
            }
            comp.store(truthOf, detectedOf);
        }
        return new Matching(detected, truth, tolerance, rule, truthOf, detectedOf, fallbackCells);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            // The smaller index becomes the root so that the structure does not depend on edge order quirks.
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }

    /** Candidate pairs, in order of detected index (then grid neighbour, then true index). */
    static final class Edges {
        int size;
        int[] det = new int[16];
        int[] truth = new int[16];
        double[] cost = new double[16];

        void add(int d, int t, double c) {
            if (size == det.length) {
                det = Arrays.copyOf(det, size * 2);
                truth = Arrays.copyOf(truth, size * 2);
                cost = Arrays.copyOf(cost, size * 2);
            }
            det[size] = d;
            truth[size] = t;
            cost[size] = c;
            size++;
        }
    }

    /** Bits per axis of a packed grid key; three of them fit in a non-negative long. */
    private static final int KEY_BITS = 21;
    private static final long AXIS_CELLS = 1L << KEY_BITS;

    static Edges candidates(CellPositions det, CellPositions truth, double radius, double zScale) {
        Edges edges = new Edges();
        int nt = truth.size();
        if (det.size() == 0 || nt == 0) {
            return edges;
        }
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (CellPositions p : new CellPositions[] {det, truth}) {
            for (int i = 0; i < p.size(); i++) {
                double[] v = {p.xUm(i), p.yUm(i), p.zUm(i) * zScale};
                for (int d = 0; d < 3; d++) {
                    min[d] = Math.min(min[d], v[d]);
                    max[d] = Math.max(max[d], v[d]);
                }
            }
        }
        // Grid cells at least as large as the radius, so that all candidates lie in the 3×3×3 neighbourhood; larger
        // when the data span more than AXIS_CELLS radii, so that indices fit the packed key.
        double h = radius;
        for (int d = 0; d < 3; d++) {
            h = Math.max(h, (max[d] - min[d]) / (AXIS_CELLS - 2));
        }
        long[] keys = new long[nt];
        for (int t = 0; t < nt; t++) {
            keys[t] = key(cellIndex(truth.xUm(t), min[0], h), cellIndex(truth.yUm(t), min[1], h), cellIndex(truth.zUm(t) * zScale, min[2], h));
        }
        LongIntMap bucketOf = new LongIntMap(nt);
        int buckets = 0;
        int[] bucket = new int[nt];
        for (int t = 0; t < nt; t++) {
            int b = bucketOf.get(keys[t]);
            if (b < 0) {
                b = buckets++;
                bucketOf.put(keys[t], b);
            }
            bucket[t] = b;
        }
        int[] start = new int[buckets + 1];
        for (int t = 0; t < nt; t++) {
            start[bucket[t] + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] members = new int[nt];
        int[] fill = Arrays.copyOf(start, buckets);
        for (int t = 0; t < nt; t++) {
            members[fill[bucket[t]]++] = t; // ascending true index within a bucket
        }
        double r2 = radius * radius;
        for (int d = 0; d < det.size(); d++) {
            double x = det.xUm(d);
            double y = det.yUm(d);
            double z = det.zUm(d) * zScale;
            long cx = cellIndex(x, min[0], h);
            long cy = cellIndex(y, min[1], h);
            long cz = cellIndex(z, min[2], h);
            for (long ix = cx - 1; ix <= cx + 1; ix++) {
                for (long iy = cy - 1; iy <= cy + 1; iy++) {
                    for (long iz = cz - 1; iz <= cz + 1; iz++) {
                        if (ix < 0 || iy < 0 || iz < 0 || ix >= AXIS_CELLS || iy >= AXIS_CELLS || iz >= AXIS_CELLS) {
                            continue;
                        }
                        int b = bucketOf.get(key(ix, iy, iz));
                        if (b < 0) {
                            continue;
                        }
                        for (int m = start[b]; m < start[b + 1]; m++) {
                            int t = members[m];
                            double dx = x - truth.xUm(t);
                            double dy = y - truth.yUm(t);
                            double dz = z - truth.zUm(t) * zScale;
                            double dist2 = dx * dx + dy * dy + dz * dz;
                            if (dist2 <= r2) {
                                edges.add(d, t, Math.sqrt(dist2));
                            }
                        }
                    }
                }
            }
        }
        return edges;
    }

    private static long cellIndex(double v, double min, double h) {
        return Math.min(AXIS_CELLS - 1, (long) Math.floor((v - min) / h));
    }

    private static long key(long ix, long iy, long iz) {
        return (ix << (2 * KEY_BITS)) | (iy << KEY_BITS) | iz;
    }

    /** Open-addressing map from non-negative long keys to int values; -1 = absent. */
    private static final class LongIntMap {
        private final long[] keys;
        private final int[] values;
        private final int mask;

        LongIntMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
            keys = new long[cap];
            values = new int[cap];
            mask = cap - 1;
            Arrays.fill(keys, -1L);
        }

        private int slot(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (keys[i] != -1L && keys[i] != k) {
                i = (i + 1) & mask;
            }
            return i;
        }

        int get(long k) {
            int i = slot(k);
            return keys[i] == k ? values[i] : -1;
        }

        void put(long k, int v) {
            int i = slot(k);
            keys[i] = k;
            values[i] = v;
        }
    }

    /**
     * One connected component in local indices (detections = left, true cells = right), with work arrays reused
     * across components; the global-to-local maps are reset after each one so that the cost stays proportional to
     * the component.
     */
    private static final class Component {
        final int[] localDet;
        final int[] localTruth;
        int nl;
        int nr;
        int[] globalDet = new int[4];
        int[] globalTruth = new int[4];
        int ne;
        int[] el = new int[4];
        int[] er = new int[4];
        double[] ec = new double[4];
        int[] matchL;
        int[] matchR;

        Component(int nd, int nt) {
            localDet = new int[nd];
            localTruth = new int[nt];
            Arrays.fill(localDet, -1);
            Arrays.fill(localTruth, -1);
        }

        void load(Edges edges, int[] order, int from, int to) {
            nl = 0;
            nr = 0;
            ne = to - from;
            if (el.length < ne) {
                el = new int[ne];
                er = new int[ne];
                ec = new double[ne];
            }
            for (int k = 0; k < ne; k++) {
                int e = order[from + k];
                int d = edges.det[e];
                int t = edges.truth[e];
                if (localDet[d] < 0) {
                    if (nl == globalDet.length) {
                        globalDet = Arrays.copyOf(globalDet, nl * 2);
                    }
                    localDet[d] = nl;
                    globalDet[nl++] = d;
                }
                if (localTruth[t] < 0) {
                    if (nr == globalTruth.length) {
                        globalTruth = Arrays.copyOf(globalTruth, nr * 2);
                    }
                    localTruth[t] = nr;
                    globalTruth[nr++] = t;
                }
                el[k] = localDet[d];
                er[k] = localTruth[t];
                ec[k] = edges.cost[e];
            }
            matchL = new int[nl];
            matchR = new int[nr];
            Arrays.fill(matchL, -1);
            Arrays.fill(matchR, -1);
        }

        void store(int[] truthOf, int[] detectedOf) {
            for (int l = 0; l < nl; l++) {
                int d = globalDet[l];
                if (matchL[l] >= 0) {
                    int t = globalTruth[matchL[l]];
                    truthOf[d] = t;
                    detectedOf[t] = d;
                }
                localDet[d] = -1;
            }
            for (int r = 0; r < nr; r++) {
                localTruth[globalTruth[r]] = -1;
            }
        }

        void solveGreedy() {
            Integer[] idx = new Integer[ne];
            for (int k = 0; k < ne; k++) {
                idx[k] = k;
            }
            // Global indices for the tie-break, so that the rule reads the same as for the whole input.
            Arrays.sort(idx, (a, b) -> {
                int c = Double.compare(ec[a], ec[b]);
                if (c == 0) {
                    c = Integer.compare(globalDet[el[a]], globalDet[el[b]]);
                }
                return c != 0 ? c : Integer.compare(globalTruth[er[a]], globalTruth[er[b]]);
            });
            for (int k : idx) {
                if (matchL[el[k]] < 0 && matchR[er[k]] < 0) {
                    matchL[el[k]] = er[k];
                    matchR[er[k]] = el[k];
                }
            }
        }

        /**
         * Min-cost maximum-cardinality matching by successive shortest augmenting paths (Dijkstra on reduced costs
         * with node potentials). Each augmentation along a shortest path keeps the matching the cheapest of its
         * size, and the loop ends when no augmenting path is left, i.e. at maximum cardinality.
         */
        void solveOptimal() {
            // Adjacency of the left side (CSR), edges in load order.
            int[] adjStart = new int[nl + 1];
            for (int k = 0; k < ne; k++) {
                adjStart[el[k] + 1]++;
            }
            for (int l = 0; l < nl; l++) {
                adjStart[l + 1] += adjStart[l];
            }
            int[] adj = new int[ne];
            int[] fill = Arrays.copyOf(adjStart, nl);
            for (int k = 0; k < ne; k++) {
                adj[fill[el[k]]++] = k;
            }
            double[] potL = new double[nl];
            double[] potR = new double[nr];
            double[] matchCostL = new double[nl];
            double[] distL = new double[nl];
            double[] distR = new double[nr];
            int[] prevR = new int[nr];
            Heap heap = new Heap();
            while (true) {
                Arrays.fill(distL, Double.POSITIVE_INFINITY);
                Arrays.fill(distR, Double.POSITIVE_INFINITY);
                heap.clear();
                for (int l = 0; l < nl; l++) {
                    if (matchL[l] < 0) {
                        distL[l] = 0;
                        heap.push(0, l);
                    }
                }
                int end = -1;
                double endDist = Double.POSITIVE_INFINITY;
                while (heap.size > 0) {
                    double d = heap.topKey();
                    int u = heap.pop();
                    if (u < nl) {
                        if (d > distL[u]) {
                            continue;
                        }
                        for (int a = adjStart[u]; a < adjStart[u + 1]; a++) {
                            int k = adj[a];
                            int r = er[k];
                            if (matchL[u] == r) {
                                continue;
                            }
                            // Reduced costs are non-negative in exact arithmetic; the clamp absorbs rounding.
                            double nd = d + Math.max(0, ec[k] + potL[u] - potR[r]);
                            if (nd < distR[r]) {
                                distR[r] = nd;
                                prevR[r] = u;
                                heap.push(nd, nl + r);
                            }
                        }
                    } else {
                        int r = u - nl;
                        if (d > distR[r]) {
                            continue;
                        }
                        if (matchR[r] < 0) {
                            end = r;
                            endDist = d;
                            break;
                        }
                        int l = matchR[r];
                        double nd = d + Math.max(0, -matchCostL[l] + potR[r] - potL[l]);
                        if (nd < distL[l]) {
                            distL[l] = nd;
                            heap.push(nd, l);
                        }
                    }
                }
                if (end < 0) {
                    return;
                }
                for (int l = 0; l < nl; l++) {
                    potL[l] += Math.min(distL[l], endDist);
                }
                for (int r = 0; r < nr; r++) {
                    potR[r] += Math.min(distR[r], endDist);
                }
                int r = end;
                while (true) {
                    int l = prevR[r];
                    int previous = matchL[l];
                    matchL[l] = r;
                    matchR[r] = l;
                    matchCostL[l] = costOf(adjStart, adj, l, r);
                    if (previous < 0) {
                        break;
                    }
                    r = previous;
                }
            }
        }

        private double costOf(int[] adjStart, int[] adj, int l, int r) {
            for (int a = adjStart[l]; a < adjStart[l + 1]; a++) {
                if (er[adj[a]] == r) {
                    return ec[adj[a]];
                }
            }
            throw new IllegalStateException("no edge " + l + "-" + r);
        }
    }

    /** Binary min-heap of (key, node), ties by node, with lazy deletion by the caller. */
    private static final class Heap {
        double[] keys = new double[16];
        int[] nodes = new int[16];
        int size;

        void clear() {
            size = 0;
        }

        double topKey() {
            return keys[0];
        }

        void push(double key, int node) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) / 2;
                if (!less(key, node, keys[p], nodes[p])) {
                    break;
                }
                keys[i] = keys[p];
                nodes[i] = nodes[p];
                i = p;
            }
            keys[i] = key;
            nodes[i] = node;
        }

        int pop() {
            int top = nodes[0];
            size--;
            double key = keys[size];
            int node = nodes[size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && less(keys[c + 1], nodes[c + 1], keys[c], nodes[c])) {
                    c++;
                }
                if (!less(keys[c], nodes[c], key, node)) {
                    break;
                }
                keys[i] = keys[c];
                nodes[i] = nodes[c];
                i = c;
            }
            keys[i] = key;
            nodes[i] = node;
            return top;
        }

        private static boolean less(double k1, int n1, double k2, int n2) {
            return k1 < k2 || (k1 == k2 && n1 < n2);
        }
    }
}
