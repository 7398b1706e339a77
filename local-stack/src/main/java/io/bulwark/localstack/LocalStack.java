package io.bulwark.localstack;

/** Entry point of the embedded default ({@code ./bulwark}). */
public final class LocalStack {

    private LocalStack() {}

    public static void main(String[] args) {
        System.out.println("bulwark local stack");
    }
}
