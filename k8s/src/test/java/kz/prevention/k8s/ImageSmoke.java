package kz.prevention.k8s;

/** The "application" JreBaseImageTest runs inside the image it builds: says who and what runs it. */
public final class ImageSmoke {

    private ImageSmoke() {
    }

    public static void main(String[] args) {
        System.out.println("running as " + System.getProperty("user.name") + " on Java "
                + System.getProperty("java.version") + " from " + System.getProperty("java.home"));
    }
}
