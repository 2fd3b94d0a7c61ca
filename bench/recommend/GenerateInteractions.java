import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the shipped evaluation data set (bench/recommend/films.csv and interactions.csv) with known
 * taste clusters, deterministically (seed 22): the same files on every machine.
 *
 * Films have a main genre (some a second), a language and a creator who works mostly in one genre,
 * and an intrinsic popularity (Zipf). Each viewer belongs to a taste cluster: one or two favourite
 * genres and a language. Three in four of their watches come from their genres, and after a film
 * they often watch another by the same creator (the co-watch pattern item-to-item should find);
 * the rest are popular films from anywhere. Watched fractions are higher for films of their taste.
 *
 *   java bench/recommend/GenerateInteractions.java [outDir]
 */
public class GenerateInteractions {

    static final String[] GENRES = {"drama", "comedy", "documentary", "action", "romance", "horror", "animation",
        "music", "sport", "thriller"};
    static final String[] LANGUAGES = {"en", "en", "en", "tpi", "tpi", "ho", "fj", "sm"};
    static final int FILMS = 240;
    static final int CREATORS = 60;
    static final int VIEWERS = 500;
    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    record Film(String id, int genre, int second, String language, int creator, double popularity) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/recommend");
        Random random = new Random(22);
        int[] creatorGenre = new int[CREATORS];
        for (int c = 0; c < CREATORS; c++) {
            creatorGenre[c] = c % GENRES.length;
        }
        List<Film> films = new ArrayList<>();
        for (int f = 0; f < FILMS; f++) {
            int creator = random.nextInt(CREATORS);
            int genre = random.nextDouble() < 0.85 ? creatorGenre[creator] : random.nextInt(GENRES.length);
            int second = random.nextDouble() < 0.3 ? random.nextInt(GENRES.length) : -1;
            double popularity = 1.0 / Math.pow(1 + random.nextInt(FILMS), 0.8);
            films.add(new Film("f%03d".formatted(f), genre, second == genre ? -1 : second,
                    LANGUAGES[random.nextInt(LANGUAGES.length)], creator, popularity));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("films.csv")))) {
            w.println("film,title,genres,languages,creator,year");
            for (Film f : films) {
                w.println(String.join(",", f.id(), "Film " + f.id().substring(1),
                        GENRES[f.genre()] + (f.second() >= 0 ? "|" + GENRES[f.second()] : ""), f.language(),
                        "c%02d".formatted(f.creator()), String.valueOf(2010 + random.nextInt(17))));
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("interactions.csv")))) {
            w.println("user,film,timestamp,fraction");
            for (int u = 0; u < VIEWERS; u++) {
                int favourite = random.nextInt(GENRES.length);
                int other = random.nextDouble() < 0.5 ? random.nextInt(GENRES.length) : favourite;
                List<Film> taste = films.stream().filter(f -> f.genre() == favourite || f.genre() == other
                        || f.second() == favourite).toList();
                int watches = 6 + random.nextInt(20);
                Instant at = START.plusSeconds(random.nextInt(120 * 24 * 3600));
                List<String> seen = new ArrayList<>();
                Film previous = null;
                for (int i = 0; i < watches; i++) {
                    Film film;
                    double dice = random.nextDouble();
                    if (previous != null && dice < 0.35) {
                        Film last = previous;
                        List<Film> sameCreator = films.stream().filter(f -> f.creator() == last.creator()).toList();
                        film = pick(sameCreator, random);
                    } else if (dice < 0.8) {
                        film = pick(taste, random);
                    } else {
                        film = pick(films, random);
                    }
                    if (seen.contains(film.id())) {
                        continue;
                    }
                    seen.add(film.id());
                    boolean liked = taste.contains(film);
                    double fraction = liked ? 0.6 + 0.4 * random.nextDouble() : 0.1 + 0.5 * random.nextDouble();
                    at = at.plusSeconds(3600 + random.nextInt(3 * 24 * 3600));
                    w.println("u%03d,%s,%s,%.2f".formatted(u, film.id(), at, fraction));
                    previous = film;
                }
            }
        }
    }

    /** A film drawn with probability proportional to its popularity. */
    static Film pick(List<Film> from, Random random) {
        double total = from.stream().mapToDouble(Film::popularity).sum();
        double r = random.nextDouble() * total;
        for (Film f : from) {
            r -= f.popularity();
            if (r <= 0) {
                return f;
            }
        }
        return from.get(from.size() - 1);
    }
}
