import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.thewans.recommendation.ranking.CoWatch;
import com.thewans.recommendation.ranking.Film;
import com.thewans.recommendation.ranking.Ranker;
import com.thewans.recommendation.ranking.Scored;
import com.thewans.recommendation.ranking.TimeDecay;
import com.thewans.recommendation.ranking.Watch;

/**
 * Offline evaluation of recommendation-service's ranking core (its own classes, compiled from
 * recommendation-service/src/main/java/com/thewans/recommendation/ranking): replays an interactions
 * file, holds out each viewer's last watches, and scores popularity, item-to-item and the hybrid
 * with precision@10, recall@10 and NDCG@10. The file format is in bench/README.md.
 *
 *   bench/recommend-eval.sh [--films F] [--interactions I] [--holdout N] [--k K]
 */
public class RecommendEval {

    record Interaction(String user, String film, Instant at, double fraction) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>(Map.of("--films", "bench/recommend/films.csv", "--interactions",
                "bench/recommend/interactions.csv", "--holdout", "2", "--k", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!opts.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            opts.put(args[i], args[i + 1]);
        }
        int holdout = Integer.parseInt(opts.get("--holdout"));
        int k = Integer.parseInt(opts.get("--k"));
        Map<String, Film> films = readFilms(Path.of(opts.get("--films")));
        List<Interaction> interactions = readInteractions(Path.of(opts.get("--interactions")));

        Map<String, List<Interaction>> byUser = new LinkedHashMap<>();
        interactions.stream().sorted(Comparator.comparing(Interaction::at).thenComparing(Interaction::film))
                .forEach(i -> byUser.computeIfAbsent(i.user(), u -> new ArrayList<>()).add(i));
        Map<String, List<Interaction>> train = new LinkedHashMap<>();
        Map<String, Set<String>> test = new LinkedHashMap<>();
        byUser.forEach((user, list) -> {
            // users with too short a history train the model but are not scored
            if (list.size() < holdout + 3) {
                train.put(user, list);
                return;
            }
            List<Interaction> kept = list.subList(0, list.size() - holdout);
            Set<String> seen = new HashSet<>();
            kept.forEach(i -> seen.add(i.film()));
            Set<String> later = new HashSet<>();
            list.subList(list.size() - holdout, list.size()).stream().map(Interaction::film)
                    .filter(f -> !seen.contains(f)).forEach(later::add);
            train.put(user, kept);
            if (!later.isEmpty()) {
                test.put(user, later);
            }
        });

        // the service's model, built from the training part: co-watch of meaningful watches, decayed popularity
        CoWatch coWatch = new CoWatch();
        Map<String, Double> popularity = new HashMap<>();
        Instant end = train.values().stream().flatMap(List::stream).map(Interaction::at)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        TimeDecay decay = new TimeDecay(Duration.ofDays(30));
        train.values().forEach(list -> {
            coWatch.addViewer(list.stream().filter(i -> i.fraction() >= Watch.MEANINGFUL).map(Interaction::film)
                    .toList());
            list.forEach(i -> popularity.merge(i.film(), decay.weight(Duration.between(i.at(), end)), Double::sum));
        });
        Ranker ranker = new Ranker();
        Ranker.Pool pool = new Ranker.Pool(films, films.keySet(), popularity, coWatch.toNeighbours(100));

        String[] names = {"popularity", "item-to-item", "hybrid"};
        double[][] sums = new double[names.length][3];
        for (var e : test.entrySet()) {
            List<Watch> history = train.get(e.getKey()).stream()
                    .map(i -> new Watch(i.film(), i.at(), i.fraction())).toList();
            Ranker.Viewer viewer = new Ranker.Viewer(history, Set.of(), Set.of(), "the test set");
            List<List<Scored>> rows = List.of(ranker.popular(pool, viewer, k), ranker.itemToItem(pool, viewer, k),
                    ranker.forYou(pool, viewer, k));
            for (int m = 0; m < names.length; m++) {
                double[] score = score(rows.get(m), e.getValue(), k);
                for (int s = 0; s < 3; s++) {
                    sums[m][s] += score[s];
                }
            }
        }
        int users = test.size();
        System.out.printf("%d films, %d interactions, %d viewers (%d scored, last %d watches held out), k=%d%n",
                films.size(), interactions.size(), byUser.size(), users, holdout, k);
        System.out.printf("%-14s %12s %12s %12s%n", "", "precision@" + k, "recall@" + k, "NDCG@" + k);
        for (int m = 0; m < names.length; m++) {
            System.out.printf("%-14s %12.4f %12.4f %12.4f%n", names[m], sums[m][0] / users, sums[m][1] / users,
                    sums[m][2] / users);
        }
        double ratio = sums[2][2] / Math.max(sums[0][2], 1e-12);
        System.out.printf("hybrid NDCG@%d / popularity NDCG@%d = %.2fx (target >= 1.5x)%n", k, k, ratio);
    }

    /** precision, recall and NDCG (binary relevance) of one ranked row against the held-out films. */
    static double[] score(List<Scored> row, Set<String> relevant, int k) {
        int hits = 0;
        double dcg = 0;
        for (int i = 0; i < Math.min(k, row.size()); i++) {
            if (relevant.contains(row.get(i).filmId())) {
                hits++;
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return new double[] {(double) hits / k, (double) hits / relevant.size(), ideal == 0 ? 0 : dcg / ideal};
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static Map<String, Film> readFilms(Path file) throws IOException {
        Map<String, Film> films = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        Map<String, Integer> column = header(lines.get(0), "film");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String id = f[column.get("film")];
            films.put(id, new Film(id, get(f, column, "title"), set(get(f, column, "genres")),
                    set(get(f, column, "languages")), people(get(f, column, "creator"), get(f, column, "people")),
                    year(get(f, column, "year"))));
        }
        return films;
    }

    static List<Interaction> readInteractions(Path file) throws IOException {
        List<Interaction> interactions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        Map<String, Integer> column = header(lines.get(0), "user", "film", "timestamp", "fraction");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String at = f[column.get("timestamp")].trim();
            Instant instant = at.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(at))
                    : Instant.parse(at);
            interactions.add(new Interaction(f[column.get("user")], f[column.get("film")], instant,
                    Double.parseDouble(f[column.get("fraction")])));
        }
        return interactions;
    }

    static Map<String, Integer> header(String line, String... required) {
        Map<String, Integer> column = new HashMap<>();
        String[] names = line.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            column.put(names[i].trim().toLowerCase(), i);
        }
        for (String name : required) {
            if (!column.containsKey(name)) {
                throw new IllegalArgumentException("the header " + line + " has no column " + name);
            }
        }
        return column;
    }

    static String get(String[] fields, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        return i == null || i >= fields.length || fields[i].isBlank() ? null : fields[i].trim();
    }

    static Set<String> set(String value) {
        return value == null ? Set.of() : Set.of(value.split("\\|"));
    }

    /** The optional `creator` column and the optional `people` column (names separated by `|`) as one set. */
    static Set<String> people(String creator, String people) {
        Set<String> all = new java.util.HashSet<>();
        if (creator != null) {
            all.add(creator);
        }
        if (people != null) {
            for (String name : people.split("\\|")) {
                if (!name.isBlank()) {
                    all.add(name.trim().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return all;
    }

    static Integer year(String value) {
        return value == null ? null : Integer.valueOf(value);
    }
}
