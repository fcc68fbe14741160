package io.livehall.fair.matching;

/**
 * The province and city of a free-text region ("安徽省合肥市蜀山区", "上海市", "合肥"), as far as they can be told;
 * a municipality is its own province and city. Names are kept without their 省/市 suffix ("安徽", "合肥").
 */
record Place(String province, String city) {

    static final Place NONE = new Place(null, null);

    private static final String[] MUNICIPALITIES = {"北京", "上海", "天津", "重庆"};
    private static final String[] PROVINCE_ENDS = {"特别行政区", "自治区", "省"};
    private static final String[] CITY_ENDS = {"自治州", "地区", "市", "州", "盟"};

    static Place of(String region) {
        if (region == null || region.isBlank()) {
            return NONE;
        }
        String text = region.strip();
        for (String m : MUNICIPALITIES) {
            if (text.startsWith(m)) {
                return new Place(m, m);
            }
        }
        String province = null;
        String rest = text;
        for (String end : PROVINCE_ENDS) {
            int at = text.indexOf(end);
            if (at > 0) {
                province = text.substring(0, at);
                rest = text.substring(at + end.length());
                break;
            }
        }
        String city = null;
        int best = -1;
        String bestEnd = null;
        for (String end : CITY_ENDS) {
            int at = rest.indexOf(end);
            if (at > 0 && (best < 0 || at < best)) {
                best = at;
                bestEnd = end;
            }
        }
        if (best > 0) {
            city = rest.substring(0, best);
            if (bestEnd.equals("自治州") || bestEnd.equals("地区") || bestEnd.equals("州") || bestEnd.equals("盟")) {
                city = rest.substring(0, best + bestEnd.length());
            }
        } else if (province == null && !rest.isEmpty() && rest.length() <= 6) {
            city = rest;
        }
        return new Place(province, city);
    }
}
